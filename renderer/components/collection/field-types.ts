import type { ReactNode } from 'react';
import type { CollectionItem, CollectionKey } from '../../../shared/domain/collections';
import type { Workbook } from '../../../shared/schema/workbook';

// A collection editor is configured, not written: a section lists its fields and columns and
// the generic editor does the forms, validation, ordering and commands.

/**
 * `multi` picks any number of options (ids of other items, say) as a group of checkboxes;
 * `datetime` edits an instant in local time and stores it as ISO 8601; `boolean` is a checkbox.
 */
export type FieldKind =
  | 'text'
  | 'longtext'
  | 'number'
  | 'select'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'list'
  | 'multi';

/**
 * How a structured value (a list of records, say) is written as text in a form and read back.
 * `parse` never rejects: it shapes what it can and leaves the schema to say what is wrong.
 */
export interface FieldCodec {
  format(value: unknown): string;
  parse(text: string): unknown;
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldDescriptor {
  /**
   * The item property this field edits, dotted for a nested one ("segment.region"); also names
   * its testids (`field-<key>`, `error-<key>`).
   */
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly FieldOption[];
  /** Options drawn from the workbook (its metrics, its stop conditions), for select and multi. */
  optionsFrom?: (wb: Workbook) => readonly FieldOption[];
  /** One line of help under the label, e.g. "Separate names with commas". */
  hint?: string;
  /** Marks the label; the schema remains the judge of what is actually required. */
  required?: boolean;
  /** An empty field stores null (a time not reached yet, like an incident still open). */
  nullable?: boolean;
  /** For a longtext field holding structured data. */
  codec?: FieldCodec;
  /** Grid span: short fields (unit, comparator) take less room than names and notes. */
  size?: 'sm' | 'md' | 'lg' | 'xl' | 'full';
  placeholder?: string;
}

export interface Column<T> {
  header: string;
  render(item: T): ReactNode;
  /** Extra class for the cell, e.g. to keep numbers from wrapping. */
  className?: string;
}

export interface CollectionConfig<K extends CollectionKey> {
  key: K;
  title: string;
  /** One sentence under the heading saying what belongs here. */
  intro: string;
  /** Prefix for new ids, so files stay readable ("sc-…" for stop conditions). */
  idPrefix: string;
  fields: readonly FieldDescriptor[];
  columns: readonly Column<CollectionItem<K>>[];
  /** How an item is named in button labels and toasts. */
  itemName(item: CollectionItem<K>): string;
  /** The one-line empty state. */
  emptyText: string;
}

/** Form values are kept as typed text until submit, so a half-typed number is never lost. */
export type Draft = Record<string, string>;

/** Messages keyed by field, plus `_form` for what belongs to no single field. */
export type FieldErrors = Record<string, string>;
