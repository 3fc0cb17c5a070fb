/**
 * A fixed-offset IANA zone where it is around noon right now. Integration tests run on the real clock
 * (the time-skipping server starts at the current time), and SMS quiet hours (21:00–08:00 local) would
 * otherwise defer the first message whenever the suite happens to run in a patient's evening.
 */
export function daytimeZone(now: Date = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12 hours from UTC puts local time near 12:00
  // POSIX-style names: Etc/GMT-3 is three hours *ahead* of UTC.
  return offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
