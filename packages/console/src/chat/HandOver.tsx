/** @module Handing a conversation on: transfer to the other tier with a note, or (leads) assign it to a named agent. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agent } from '../api/index.ts';
import { format, wordFor, type Strings } from '../i18n/index.ts';

export function TransferForm({ strings, chatId, to, onTransfer }: { strings: Strings; chatId: string; to: 'tier1' | 'tier2'; onTransfer(note: string): void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  const queue = wordFor(strings, 'queue', to);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {format(strings.transfer, { queue })}
      </button>
    );
  }
  const fieldId = `transfer-${chatId}`;
  return (
    <form
      class="hand-over"
      onSubmit={(event) => {
        event.preventDefault();
        if (!note.trim()) return;
        onTransfer(note.trim());
        setOpen(false);
      }}
    >
      <label for={fieldId}>{format(strings.transferNote, { queue })}</label>
      <textarea id={fieldId} rows={2} required value={note} ref={field} onInput={(event) => setNote(event.currentTarget.value)} />
      <div class="row">
        <button type="submit" class="primary" disabled={!note.trim()}>
          {strings.transferSend}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}

export function AssignForm({ strings, chatId, agents, current, onAssign }: { strings: Strings; chatId: string; agents: Agent[]; current: string | undefined; onAssign(agentId: string): void }) {
  const [agentId, setAgentId] = useState('');
  const fieldId = `assign-${chatId}`;
  return (
    <form
      class="assign"
      onSubmit={(event) => {
        event.preventDefault();
        if (agentId) onAssign(agentId);
      }}
    >
      <label for={fieldId}>{strings.assignTo}</label>
      <select id={fieldId} value={agentId} onChange={(event) => setAgentId(event.currentTarget.value)}>
        <option value="">{strings.chooseAgent}</option>
        {agents
          .filter((agent) => agent.id !== current)
          .map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} ({wordFor(strings, 'role', agent.role)})
            </option>
          ))}
      </select>
      <button type="submit" disabled={!agentId}>
        {strings.assign}
      </button>
    </form>
  );
}
