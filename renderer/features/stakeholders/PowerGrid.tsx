import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { memo, useMemo, useRef, useState } from 'react';
import { useCommand } from '../../components/use-command';
import { useAppStore } from '../../store/app-store';
import { type MapSubject, mapSubjects, QUADRANTS, quadrantOf, toAxes } from './map-model';
import { ADKAR_LABEL } from './stakeholder-collections';

// The power/interest grid. A chip is dragged with the mouse, or from the keyboard (Space picks
// it up, arrows move it a twentieth of the grid, Space drops it, Escape puts it back), with the
// position read out as it moves. Where it lands is stored as power and interest 0–100 by one
// stakeholders.place command, so it is where it was put after a reload or in another window.

const STEP = 0.05;

/** Two letters, since awareness and ability share their first. */
const BARRIER_SHORT = {
  awareness: 'Aw',
  desire: 'De',
  knowledge: 'Kn',
  ability: 'Ab',
  reinforcement: 'Re',
} as const;

const Chip = memo(function Chip({ s, style }: { s: MapSubject; style?: React.CSSProperties }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: s.key });
  const where = s.placement
    ? `${QUADRANTS[quadrantOf(s.placement)]}, power ${s.placement.power}, interest ${s.placement.interest}`
    : 'not placed';
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`map-chip map-chip-${s.kind}${isDragging ? ' dragging' : ''}${s.barrier ? ' has-barrier' : ''}`}
      style={{ ...style, transform: CSS.Translate.toString(transform) }}
      data-testid="map-chip"
      data-key={s.key}
      data-power={s.placement?.power ?? ''}
      data-interest={s.placement?.interest ?? ''}
      {...attributes}
      {...listeners}
    >
      {s.name}
      {s.barrier ? (
        <span className="barrier-tag" aria-hidden="true">
          {BARRIER_SHORT[s.barrier]}
        </span>
      ) : null}
      <span className="visually-hidden">
        {` (${s.kind}${s.barrier ? `, barrier: ${ADKAR_LABEL[s.barrier]}` : ''}): ${where}`}
      </span>
    </button>
  );
});

function GridArea({
  gridRef,
  children,
}: {
  gridRef: React.RefObject<HTMLDivElement | null>;
  children: React.ReactNode;
}) {
  const { setNodeRef } = useDroppable({ id: 'grid' });
  return (
    <div
      className="power-grid"
      data-testid="power-grid"
      ref={(el) => {
        setNodeRef(el);
        gridRef.current = el;
      }}
    >
      <span className="quad q-tl" aria-hidden="true">
        Keep satisfied
      </span>
      <span className="quad q-tr" aria-hidden="true">
        Manage closely
      </span>
      <span className="quad q-bl" aria-hidden="true">
        Monitor
      </span>
      <span className="quad q-br" aria-hidden="true">
        Keep informed
      </span>
      {children}
    </div>
  );
}

/** Above this many placed people, the unfiltered map shows groups only (a cloud of 1,000 names is unreadable, and each chip costs every frame of a drag). */
export const PEOPLE_SHOWN_MAX = 200;

export function PowerGrid({ visible, narrowed }: { visible: (s: MapSubject) => boolean; narrowed: boolean }) {
  const stakeholders = useAppStore((s) => s.session?.workbook?.stakeholders);
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const [trayGroup, setTrayGroup] = useState('');
  const { error, run } = useCommand();
  const subjects = useMemo(() => (stakeholders ? mapSubjects(stakeholders) : []), [stakeholders]);
  const byKey = useMemo(() => new Map(subjects.map((s) => [s.key, s])), [subjects]);

  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    const box = gridRef.current?.getBoundingClientRect();
    const dx = (box?.width ?? 400) * STEP;
    const dy = (box?.height ?? 400) * STEP;
    const arrow = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(event.code);
    // A chip still in the tray jumps onto the middle of the grid at the first arrow, so a
    // keyboard user places a new group without crossing the page a twentieth at a time.
    if (arrow && box) {
      const { x, y } = currentCoordinates;
      const off = x < box.left || x > box.right || y < box.top || y > box.bottom;
      if (off) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    switch (event.code) {
      case 'ArrowRight':
        return { ...currentCoordinates, x: currentCoordinates.x + dx };
      case 'ArrowLeft':
        return { ...currentCoordinates, x: currentCoordinates.x - dx };
      case 'ArrowUp':
        return { ...currentCoordinates, y: currentCoordinates.y - dy };
      case 'ArrowDown':
        return { ...currentCoordinates, y: currentCoordinates.y + dy };
    }
    return undefined;
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  /** Where the dragged chip's centre is, on the grid's axes, or null when off the grid. */
  const landing = (e: Pick<DragEndEvent, 'active'>) => {
    const rect = e.active.rect.current.translated;
    const box = gridRef.current?.getBoundingClientRect();
    if (!rect || !box) return null;
    const x = rect.left + rect.width / 2 - box.left;
    const y = rect.top + rect.height / 2 - box.top;
    if (x < 0 || y < 0 || x > box.width || y > box.height) return null;
    return toAxes(x, y, box.width, box.height);
  };
  const name = (id: string | number) => byKey.get(String(id))?.name ?? String(id);
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.id)}. Arrow keys move it, Space drops it, Escape cancels.`,
    onDragMove: ({ active }) => {
      const at = landing({ active });
      return at
        ? `${name(active.id)}: ${QUADRANTS[quadrantOf(at)]}, power ${at.power}, interest ${at.interest}`
        : `${name(active.id)} is off the grid`;
    },
    onDragOver: () => undefined,
    onDragEnd: ({ active }) => {
      const at = landing({ active });
      return at
        ? `${name(active.id)} placed: ${QUADRANTS[quadrantOf(at)]}`
        : `${name(active.id)} dropped off the grid: not moved`;
    },
    onDragCancel: ({ active }) => `Cancelled: ${name(active.id)} was not moved`,
  };

  const onDragEnd = (e: DragEndEvent) => {
    const at = landing(e);
    const s = byKey.get(String(e.active.id));
    if (!at || !s || readOnly) return;
    if (s.placement && s.placement.power === at.power && s.placement.interest === at.interest) return;
    void run({ type: 'stakeholders.place', baseRevision: revision, kind: s.kind, ref: s.ref, ...at });
  };

  const placedPeople = subjects.filter((s) => s.kind === 'person' && s.placement && visible(s)).length;
  const hidePeople = !narrowed && placedPeople > PEOPLE_SHOWN_MAX;
  const placed = subjects.filter((s) => s.placement && visible(s) && !(hidePeople && s.kind === 'person'));
  const tray = subjects.filter(
    (s) =>
      !s.placement &&
      visible(s) &&
      (s.kind === 'group' ||
        (trayGroup !== '' && stakeholders?.people.find((p) => p.id === s.ref)?.groupIds.includes(trayGroup))),
  );
  return (
    <section className="collection map-section" aria-labelledby="power-grid-h" data-testid="map-view">
      <h2 id="power-grid-h">Power / interest map</h2>
      <p className="collection-intro">
        Drag a group or a person to where it sits: up for more power over the rollout, right for more interest
        in it. From the keyboard: focus a name, Space to pick it up, arrows to move, Space to drop.
      </p>
      {hidePeople ? (
        <p className="note" data-testid="map-people-hidden">
          {placedPeople.toLocaleString('en')} placed people are not drawn: pick a group or a location above to
          see and move them (the list view has everyone).
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <div className="map-layout">
          <div className="map-axes">
            <span className="axis-y" aria-hidden="true">
              Power ↑
            </span>
            <GridArea gridRef={gridRef}>
              {placed.map((s) => (
                <Chip
                  key={s.key}
                  s={s}
                  style={{ left: `${s.placement!.interest}%`, top: `${100 - s.placement!.power}%` }}
                />
              ))}
            </GridArea>
            <span className="axis-x" aria-hidden="true">
              Interest →
            </span>
            <p className="map-key">
              Tags mark a group’s ADKAR barrier at its latest check-in (a person shows their first group’s):
              Aw awareness, De desire, Kn knowledge, Ab ability, Re reinforcement.
            </p>
          </div>
          <div className="map-tray" data-testid="map-tray">
            <h3>Not placed yet</h3>
            <label className="tray-filter">
              Also list the people of
              <select value={trayGroup} onChange={(e) => setTrayGroup(e.target.value)}>
                <option value="">(groups only)</option>
                {stakeholders?.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="tray-chips">
              {tray.length === 0 ? <p className="muted">Everything shown is on the map.</p> : null}
              {tray.slice(0, 200).map((s) => (
                <Chip key={s.key} s={s} />
              ))}
            </div>
          </div>
        </div>
      </DndContext>
    </section>
  );
}
