export type RawDoc = Record<string, unknown>;

/** A step from schemaVersion `from` to `from + 1`. It works on raw JSON and must not mutate it. */
export interface Migration {
  from: number;
  name: string;
  up(doc: RawDoc, fail: (where: string, message: string) => never): RawDoc;
}
