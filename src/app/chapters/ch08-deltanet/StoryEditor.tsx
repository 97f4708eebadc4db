// Chapter 8's story as a list the learner edits: remove any fact, add "who went where" from two
// menus, and choose whom the question asks about. Native buttons and selects: all keyboard operable.
import { useId, useRef, useState } from 'react';
import { ENTITIES, MAX_FACTS, PLACES, type Entity, type Place, type Story } from '../../../core/story';
import { ch08Strings } from './strings';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import './story.css';

export interface StoryEditorProps {
  story: Story;
  onChange: (story: Story) => void;
  /** Before the learner commits a prediction the story is shown but cannot be changed. */
  locked: boolean;
  onReset: () => void;
}

export function StoryEditor({ story, onChange, locked, onReset }: StoryEditorProps) {
  const ui = useLocalized(ch08Strings);
  const id = useId();
  const [who, setWho] = useState<Entity>('joe');
  const [where, setWhere] = useState<Place>('office');
  const removeButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement | null>(null);
  const sentence = (entity: Entity, place: Place) => fill(ui.fact, { who: ui.entities[entity], place: ui.places[place] });
  const full = story.facts.length >= MAX_FACTS;

  const remove = (n: number) => {
    const facts = story.facts.filter((_, i) => i !== n);
    onChange({ ...story, facts });
    // Keep keyboard focus in the list: on the fact that moved into this slot, else the one before, else "add".
    requestAnimationFrame(() => (removeButtons.current[Math.min(n, facts.length - 1)] ?? addButton.current)?.focus());
  };

  return (
    <section className="story" aria-labelledby={`${id}-title`} data-testid="story">
      <h3 id={`${id}-title`}>{ui.story.title}</h3>
      <p className="muted story-note">{ui.story.hint}</p>
      <ol className="story-facts" data-testid="story-facts">
        {story.facts.map((f, n) => (
          <li key={`${n}-${f.entity}-${f.place}`} data-entity={f.entity} data-place={f.place}>
            <span>{sentence(f.entity, f.place)}</span>
            {!locked && (
              <button
                type="button"
                className="story-remove"
                ref={(el) => {
                  removeButtons.current[n] = el;
                }}
                aria-label={fill(ui.story.remove, { n: String(n + 1), fact: sentence(f.entity, f.place) })}
                onClick={() => remove(n)}
                data-testid={`remove-fact-${n + 1}`}
              >
                {ui.story.removeShort}
              </button>
            )}
          </li>
        ))}
      </ol>
      {story.facts.length === 0 && <p className="muted">{ui.story.empty}</p>}
      <p className="story-question" data-testid="story-question" data-entity={story.question}>
        <strong>{fill(ui.question, { who: ui.entities[story.question] })}</strong>
      </p>
      {locked ? (
        <p className="muted story-note" data-testid="story-locked">
          {ui.story.locked}
        </p>
      ) : (
        <fieldset className="story-edit" data-testid="story-edit">
          <legend>{ui.story.edit}</legend>
          <div className="story-edit-row">
            <ChoiceSelect label={ui.story.who} value={who} options={ENTITIES} words={ui.entities} onChange={setWho} testId="add-entity" />
            <ChoiceSelect label={ui.story.where} value={where} options={PLACES} words={ui.places} onChange={setWhere} testId="add-place" />
            <button
              type="button"
              ref={addButton}
              disabled={full}
              aria-describedby={full ? `${id}-full` : undefined}
              onClick={() => onChange({ ...story, facts: [...story.facts, { entity: who, place: where }] })}
              data-testid="add-fact"
            >
              {ui.story.add}
            </button>
          </div>
          {full && (
            <p id={`${id}-full`} className="muted story-note" role="status">
              {fill(ui.story.full, { n: String(MAX_FACTS) })}
            </p>
          )}
          <div className="story-edit-row">
            <label>
              {ui.story.ask}{' '}
              <select value={story.question} onChange={(e) => onChange({ ...story, question: e.target.value as Entity })} data-testid="ask-entity">
                {ENTITIES.map((e) => (
                  <option key={e} value={e}>
                    {ui.entities[e]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={onReset} data-testid="reset-story">
              {ui.story.reset}
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}

/** A labelled menu over a fixed list of ids, each shown in the page's words. */
function ChoiceSelect<K extends string>({ label, value, options, words, onChange, testId }: { label: string; value: K; options: readonly K[]; words: Record<K, string>; onChange: (k: K) => void; testId: string }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as K)} data-testid={testId}>
        {options.map((k) => (
          <option key={k} value={k}>
            {words[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
