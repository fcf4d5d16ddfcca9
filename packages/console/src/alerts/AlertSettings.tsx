/** @module The agent's choice of alerts for arrivals: two checkboxes under the queue, with a word when the browser refuses. */
import { useState } from 'preact/hooks';
import type { Strings } from '../i18n/index.ts';
import { enableDesktop, type AlertDevices, type AlertPrefs } from './rules.ts';

export interface AlertSettingsProps {
  strings: Strings;
  prefs: AlertPrefs;
  devices: AlertDevices;
  onPrefs(prefs: AlertPrefs): void;
}

export function AlertSettings({ strings, prefs, devices, onPrefs }: AlertSettingsProps) {
  const [refused, setRefused] = useState<'denied' | 'unsupported' | undefined>(undefined);
  return (
    <fieldset class="alerts">
      <legend>{strings.alertsTitle}</legend>
      <label>
        <input
          type="checkbox"
          checked={prefs.sound}
          onChange={(event) => {
            const sound = event.currentTarget.checked;
            onPrefs({ ...prefs, sound });
            // The sound it will make, now: the agent hears it once, and the click unlocks audio for later.
            if (sound) devices.playTone();
          }}
        />
        {strings.alertSound}
      </label>
      <label>
        <input
          type="checkbox"
          checked={prefs.desktop}
          onChange={async (event) => {
            const wanted = event.currentTarget.checked;
            if (!wanted) return onPrefs({ ...prefs, desktop: false });
            const answer = await enableDesktop(devices);
            setRefused(answer === 'on' ? undefined : answer);
            onPrefs({ ...prefs, desktop: answer === 'on' });
          }}
        />
        {strings.alertDesktop}
      </label>
      <p class="muted" role="status">
        {refused === 'denied' ? strings.alertDenied : refused === 'unsupported' ? strings.alertUnsupported : ''}
      </p>
    </fieldset>
  );
}
