// A task's tags in the details panel: chips with a remove button, and an input that adds on Enter or comma.
import { useState } from 'react';

export const TAG_PATTERN = /^[^\s#@!]{1,50}$/;
export const TAGS_PER_TASK = 20;

export function TagsField({ tags, onChange }: { tags: readonly string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function add() {
    const name = text.trim().replace(/^[@#]/, '');
    if (!name) return;
    if (!TAG_PATTERN.test(name)) return setError('Tags are 1-50 characters without spaces or # @ !.');
    if (tags.some((t) => t.toLowerCase() === name.toLowerCase())) return setText('');
    if (tags.length >= TAGS_PER_TASK) return setError(`At most ${TAGS_PER_TASK} tags per task.`);
    onChange([...tags, name]);
    setText('');
    setError(null);
  }
  return (
    <div className="field">
      <span className="field-label" id="tags-label">
        Tags
      </span>
      <div className="tag-chips" role="group" aria-labelledby="tags-label">
        {tags.map((tag) => (
          <span key={tag} className="pill tag" dir="auto">
            @{tag}
            <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          className="input input-small tag-input"
          aria-label="Add a tag"
          placeholder="Add tag…"
          value={text}
          maxLength={51}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
      </div>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
