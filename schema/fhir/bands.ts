/** Score bands of a questionnaire (0–4 minimal, 5–9 mild…): how its total reads, kept in the questionnaire as an extension. */
import type { Questionnaire } from './items.js';

/** Carepath's complex extension on the Questionnaire, one per band, with `code`, `label`, `min` and `max` inside. */
export const SCORE_BAND_URL = 'https://carepath.local/fhir/StructureDefinition/score-band';

export interface ScoreBand {
  /** A stable name, fit to be a split's output (`mild`). */
  code: string;
  label: string;
  /** Inclusive bounds of the total. */
  min: number;
  max: number;
}

interface BandExtension {
  url: string;
  extension?: Array<{ url: string; valueCode?: string; valueString?: string; valueDecimal?: number }>;
}

/** The bands the questionnaire declares, in their order; incomplete ones are skipped. */
export function scoreBands(questionnaire: Pick<Questionnaire, 'extension'> | object): ScoreBand[] {
  const extensions = ((questionnaire as { extension?: unknown }).extension ?? []) as BandExtension[];
  if (!Array.isArray(extensions)) return [];
  return extensions.flatMap((ext) => {
    if (ext?.url !== SCORE_BAND_URL || !Array.isArray(ext.extension)) return [];
    const part = (url: string) => ext.extension!.find((sub) => sub.url === url);
    const code = part('code')?.valueCode;
    const min = part('min')?.valueDecimal;
    const max = part('max')?.valueDecimal;
    if (code === undefined || typeof min !== 'number' || typeof max !== 'number') return [];
    return [{ code, label: part('label')?.valueString ?? code, min, max }];
  });
}

/** The questionnaire with these bands (and its other extensions kept, in place). */
export function withScoreBands<Q extends object>(questionnaire: Q, bands: readonly ScoreBand[]): Q {
  const others = (((questionnaire as { extension?: BandExtension[] }).extension ?? []) as BandExtension[]).filter(
    (ext) => ext?.url !== SCORE_BAND_URL,
  );
  const extension = [...others, ...bands.map(bandExtension)];
  const { extension: _old, ...rest } = questionnaire as Q & { extension?: unknown };
  return (extension.length > 0 ? { ...rest, extension } : rest) as Q;
}

/** The band a total falls in, if any. */
export function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand | undefined {
  return bands.find((band) => score >= band.min && score <= band.max);
}

function bandExtension(band: ScoreBand): BandExtension {
  return {
    url: SCORE_BAND_URL,
    extension: [
      { url: 'code', valueCode: band.code },
      { url: 'label', valueString: band.label },
      { url: 'min', valueDecimal: band.min },
      { url: 'max', valueDecimal: band.max },
    ],
  };
}
