import type { Field } from '../../components/fields';

/** How a field is asked, and so how its answer is read back: `percent` as a whole number, `yes-no` as a boolean, `checkboxes` as a list. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'percent' | 'radios' | 'yes-no' | 'checkboxes';

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

/**
 * A form field of a recording page, described once: where its value goes in the JSON API's body
 * (`path`, which is also the input's name), how it is asked, and how it is read back.
 */
export interface FieldSpec {
  /** The body path: `commitment`, `onBehalfOf.name`, `findings[0].text`. */
  path: string;
  kind: FieldKind;
  label: string;
  /** What error messages call it, when the label is a question. */
  name?: string;
  hint?: string;
  /** For radios and checkboxes. */
  choices?: readonly Choice[];
  /** Body paths whose errors are shown at this field (a value the page derives from this one). */
  errorsOf?: readonly string[];
  /** Narrower than the column, for short answers. */
  width?: 'two-thirds' | 'one-half' | 'one-third';
}

/** A group of fields asked together under a legend, such as "On whose behalf". */
export interface FieldGroup {
  legend: string;
  hint?: string;
  fields: readonly FieldSpec[];
  /** Shown at the end of the fieldset: a button that acts on the group ("Remove this finding"). */
  after?: Field;
}

export type FormItem = FieldSpec | FieldGroup;

export function isGroup(item: FormItem): item is FieldGroup {
  return 'legend' in item;
}

export function fieldsOf(items: readonly FormItem[]): FieldSpec[] {
  return items.flatMap((item) => (isGroup(item) ? [...item.fields] : [item]));
}

/** The id of a field's input (and the target of its error link): the path with only safe characters. */
export function idOf(path: string): string {
  return path.replace(/[.[\]]+/g, '-').replace(/-$/, '');
}

/** What the form holds, by path, to show it again as it was sent. */
export type FormValues = Record<string, string | readonly string[]>;
