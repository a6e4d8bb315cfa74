import { useEffect, useRef, useState } from 'react';
import {
  COLLECTIONS,
  type CollectionItem,
  type CollectionKey,
  listOf,
} from '../../../shared/domain/collections';
import { toBridgeError } from '../../bridge';
import { dispatch, run } from '../../store/actions';
import { pushToast, useAppStore } from '../../store/app-store';
import { blankDraft, FORM_ERROR, fromDraft, issuesToErrors, newId, toDraft } from './draft';
import type { CollectionConfig, Draft, FieldErrors } from './field-types';
import { ItemForm } from './ItemForm';
import { ItemRow } from './ItemRow';

/**
 * An edit remembers the revision it started from and the item as it was then: the host refuses
 * the save if someone changed the item since, and the form can say so before the user saves.
 */
type Editing =
  | { mode: 'add' }
  | { mode: 'edit'; id: string; baseRevision: number; opened: unknown; serial: number; conflict: boolean }
  | null;

const NO_ITEMS: never[] = [];

/** Where keyboard focus should land once the host's new state has rendered. */
interface FocusTarget {
  id: string | null;
  testid: string;
}

export const testidFor = (key: CollectionKey) => `collection-${key.replaceAll('.', '-')}`;

/** A titled, editable list for any registered collection, driven by its field descriptors. */
export function CollectionEditor<K extends CollectionKey>({ config }: { config: CollectionConfig<K> }) {
  const def = COLLECTIONS[config.key];
  const items: readonly CollectionItem<K>[] = useAppStore((s) =>
    s.session?.workbook ? listOf(s.session.workbook, config.key) : NO_ITEMS,
  );
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const [editing, setEditing] = useState<Editing>(null);
  const rootRef = useRef<HTMLElement>(null);
  const focusNext = useRef<FocusTarget | null>(null);
  const headingId = `${testidFor(config.key)}-heading`;

  // Runs after every render that follows a change, so focus follows a moved or deleted item.
  useEffect(() => {
    const target = focusNext.current;
    if (!target || !rootRef.current) return;
    const scope = target.id
      ? rootRef.current.querySelector(`[data-testid="item-${CSS.escape(target.id)}"]`)
      : rootRef.current;
    const el =
      scope?.querySelector<HTMLButtonElement>(`[data-testid="${target.testid}"]:not(:disabled)`) ??
      scope?.querySelector<HTMLButtonElement>('[data-testid="edit-item"]:not(:disabled)') ??
      rootRef.current.querySelector<HTMLButtonElement>('[data-testid="add-item"]');
    if (!el) return;
    el.focus();
    focusNext.current = null;
  });

  const nameOf = (item: CollectionItem<K>) => config.itemName(item);

  const startEdit = (item: CollectionItem<K>, serial = 0) =>
    setEditing({ mode: 'edit', id: item.id, baseRevision: revision, opened: item, serial, conflict: false });

  const save = async (draft: Draft, id: string): Promise<FieldErrors | null> => {
    // Fields only the area's own commands change (a wave's state, an import's batch) are not in
    // the form: they are checked as they stand (or start), and the host keeps them so.
    const managed = def.managed?.fields ?? [];
    const kept =
      editing?.mode === 'edit'
        ? Object.fromEntries(managed.map((f) => [f, (editing.opened as Record<string, unknown>)[f]]))
        : (def.managed?.initial ?? {});
    const candidate = { ...kept, ...fromDraft(draft, config.fields, id) };
    const parsed = def.schema.safeParse(candidate);
    if (!parsed.success) return issuesToErrors(parsed.error.issues, config.fields);
    try {
      if (editing?.mode === 'edit') {
        await dispatch({
          type: 'item.update',
          collection: config.key,
          id,
          item: parsed.data,
          baseRevision: editing.baseRevision,
        });
      } else {
        await dispatch({ type: 'item.add', collection: config.key, item: parsed.data });
      }
    } catch (err) {
      const e = toBridgeError(err);
      if (e.code === 'conflict' && editing?.mode === 'edit') setEditing({ ...editing, conflict: true });
      const errors = issuesToErrors(e.issues, config.fields);
      return Object.keys(errors).length > 0 ? errors : { [FORM_ERROR]: e.message };
    }
    setEditing(null);
    focusNext.current = { id, testid: 'edit-item' };
    return null;
  };

  const remove = async (item: CollectionItem<K>, index: number) => {
    const ack = await run({
      type: 'item.remove',
      collection: config.key,
      id: item.id,
      baseRevision: revision,
    });
    if (!ack) return;
    const neighbour = (items[index + 1] ?? items[index - 1]) as { id: string } | undefined;
    focusNext.current = neighbour
      ? { id: neighbour.id, testid: 'delete-item' }
      : { id: null, testid: 'add-item' };
    pushToast('info', `Deleted ${def.noun} '${nameOf(item)}'`, ack.revision);
  };

  const move = async (item: CollectionItem<K>, toIndex: number, testid: string) => {
    const ack = await run({ type: 'item.move', collection: config.key, id: item.id, toIndex });
    if (ack) focusNext.current = { id: item.id, testid };
  };

  const cancel = () => {
    focusNext.current =
      editing?.mode === 'edit' ? { id: editing.id, testid: 'edit-item' } : { id: null, testid: 'add-item' };
    setEditing(null);
  };

  const colCount = config.columns.length + 1;

  return (
    <section
      className="collection"
      data-testid={testidFor(config.key)}
      aria-labelledby={headingId}
      ref={rootRef}
    >
      <div className="collection-head">
        <div>
          <h2 id={headingId}>
            {config.title} <span className="count">({items.length})</span>
          </h2>
          <p className="collection-intro">{config.intro}</p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="add-item"
          disabled={readOnly || editing?.mode === 'add'}
          onClick={() => setEditing({ mode: 'add' })}
        >
          Add {def.noun}
        </button>
      </div>

      {items.length === 0 && editing?.mode !== 'add' ? (
        <p className="collection-empty">{config.emptyText}</p>
      ) : null}

      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="items">
            <thead>
              <tr>
                {config.columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) =>
                editing?.mode === 'edit' && editing.id === item.id ? (
                  <tr key={item.id} data-testid={`item-${item.id}`} className="editing">
                    <td colSpan={colCount}>
                      <ItemForm
                        key={editing.serial}
                        fields={config.fields}
                        initial={toDraft(editing.opened as Record<string, unknown>, config.fields)}
                        label={`Edit ${def.noun} '${nameOf(item)}'`}
                        submitLabel="Save changes"
                        disabled={readOnly}
                        // The store swaps an item object only when a change touched it.
                        changedElsewhere={editing.conflict || item !== editing.opened}
                        onReload={() => startEdit(item, editing.serial + 1)}
                        onSubmit={(d) => save(d, item.id)}
                        onCancel={cancel}
                      />
                    </td>
                  </tr>
                ) : (
                  <ItemRow
                    key={item.id}
                    item={item}
                    columns={config.columns}
                    noun={def.noun}
                    name={nameOf(item)}
                    isFirst={index === 0}
                    isLast={index === items.length - 1}
                    disabled={readOnly}
                    onEdit={() => startEdit(item)}
                    onDelete={() => void remove(item, index)}
                    onMoveUp={() => void move(item, index - 1, 'move-up')}
                    onMoveDown={() => void move(item, index + 1, 'move-down')}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}

      {editing?.mode === 'edit' && !items.some((i) => i.id === editing.id) ? (
        <p className="form-error" role="alert" data-testid="edited-item-gone">
          The {def.noun} you were editing was deleted (by an undo or in another window); your changes to it
          were not saved.{' '}
          <button type="button" className="btn small" onClick={() => setEditing(null)}>
            OK
          </button>
        </p>
      ) : null}

      {editing?.mode === 'add' ? (
        <div className="add-panel">
          <ItemForm
            fields={config.fields}
            initial={blankDraft(config.fields)}
            label={`Add ${def.noun}`}
            submitLabel={`Add ${def.noun}`}
            disabled={readOnly}
            onSubmit={(d) => save(d, newId(config.idPrefix))}
            onCancel={cancel}
          />
        </div>
      ) : null}
    </section>
  );
}
