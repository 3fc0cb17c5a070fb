/** A numbered migration of a journey document from one schema version to the next. Pure: JSON in, JSON out. */
export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}
