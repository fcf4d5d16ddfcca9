/** @module Readable config errors: each names the field, says what was wrong, and shows a right value. */
import { LifelineError } from '@lifeline/protocol';
import type * as z from 'zod/mini';

/** A right value per field, shown in every error about it. `*` stands for any key of a record. */
const EXAMPLES: Record<string, string> = {
  kbUrl: '"/kb/" or "https://help.example.com/kb/"',
  locale: '"en" or "es"',
  persist: 'true',
  open: 'false',
  quickReplies: '["exam-frozen", "camera-not-working"]',
  'quickReplies.*': '"exam-frozen"',
  theme: '{ primary: "#0b57d0", side: "right" }',
  'theme.primary': '"#0b57d0" (a 6-digit hex color)',
  'theme.side': '"right" or "left"',
  'theme.zIndex': '2147483000',
  'theme.mode': '"auto", "light" or "dark"',
  'theme.topBar': '56 (the height in pixels of your page\'s top bar, where the exam timer is)',
  context: '{ phase: "before", exam: { name: "Biology 101" } }',
  'context.phase': '"before", "during" or "after"',
  'context.links': '{ reschedule: "https://exams.example.com/bookings" }',
  'context.links.*': '"https://exams.example.com/bookings"',
  'context.*': '{ name: "Biology 101" }',
  'context.*.*': '"Biology 101" or 48',
  checks: '{ networkUrl: "/lifeline-network", policy: { allowMobile: false } }',
  'checks.networkUrl': '"/lifeline-network"',
  'checks.setup': '["browser", "camera", "microphone"]',
  'checks.setup.*': '"camera"',
  'checks.policy': '{ browsers: { chrome: 150, firefox: 140 }, os: { windows: 10 } }',
  'checks.policy.browsers': '{ chrome: 150, edge: 150, firefox: 140, safari: 16 }',
  'checks.policy.os': '{ windows: 10, macos: 12, chromeos: 0 }',
  'checks.policy.features': '["getUserMedia", "webrtc", "storage", "cookies"]',
  'checks.policy.allowMobile': 'false',
  'checks.policy.camera': '{ minWidth: 640, minHeight: 480 }',
  'checks.policy.microphone': '{ silenceDbfs: -60 }',
  'checks.policy.screen': '{ allowExtended: false }',
  'checks.policy.screenShare': '{ requireMonitor: true }',
  'checks.policy.network': '{ minUploadMbps: 1, minDownloadMbps: 2 }',
  'checks.policy.idPhoto': '{ minSharpness: 120 }',
  'checks.policy.timeoutMs': '{ camera: 45000 }',
  'checks.policy.*.*': '640',
  chat: '{ url: "https://support.example.com", token: "<the candidate token your backend signs>" }',
  'chat.url': '"https://support.example.com" (the gateway\'s origin)',
  'chat.token': '"eyJhbGciOiJIUzI1NiJ9…" (the JWT your backend signs; or call Lifeline(\'setToken\', token) later)',
  'chat.sound': 'true (a short tone when an agent writes while the panel is closed)',
  'chat.titleCue': 'false (to leave the page title alone)',
};

/** `runChecks(options)` has fields of its own: a mistake there must not be answered with the config's. */
const RUN_CHECKS_EXAMPLES: Record<string, string> = {
  '': '{ only: ["camera", "microphone"] }',
  only: '["camera", "microphone"] (or "all", "permissions")',
  'only.*': '"camera"',
};

/** What the validated value is called in an error, and its right values, by error code; the config otherwise. */
const SUBJECTS: Record<string, { name: string; examples: Record<string, string> }> = {
  'checks.invalid': { name: 'runChecks options', examples: RUN_CHECKS_EXAMPLES },
};

export function errorsFor(code: string, input: unknown, issues: z.core.$ZodIssue[], prefix: PropertyKey[]): LifelineError[] {
  const { name, examples } = SUBJECTS[code] ?? { name: 'the config', examples: EXAMPLES };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const example = exampleFor(prefix, examples);
    return [new LifelineError(code, `${prefix.length ? prefix.join('.') : name} must be an object, got ${describe(input)}; for example ${example}`)];
  }
  return issues.flatMap((issue) => issueErrors(code, issue, [...prefix, ...issue.path], input, prefix.length, examples));
}

function issueErrors(code: string, issue: z.core.$ZodIssue, path: PropertyKey[], root: unknown, rootDepth: number, examples: Record<string, string>): LifelineError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      const known = knownSiblings(path, examples);
      // A key that differs only in case (`kbURL`) is a typo of a known one: name it and show its right value.
      const near = known.find((name) => name.toLowerCase() === String(key).toLowerCase());
      const hint = near ? `; did you mean ${near}?` : known.length ? `; the fields here are ${known.join(', ')}` : '';
      const example = near ? `${near}: ${exampleFor([...path, near], examples)}` : exampleFor(path, examples);
      return new LifelineError(code, `${field} is not a setting Lifeline knows${hint}; for example ${example}`);
    });
  }
  const field = path.join('.');
  const value = valueAt(root, path.slice(rootDepth));
  const what = value === undefined ? 'is required' : `must be ${expected(issue)}, got ${describe(value)}`;
  return [new LifelineError(code, `${field} ${what}; for example ${exampleFor(path, examples)}`)];
}

function expected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'written differently' : `a valid ${issue.format}`;
    case 'too_small':
      return issue.origin === 'string' ? 'a non-empty text' : issue.origin === 'array' ? `a list of at least ${String(issue.minimum)}` : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return 'a different value';
  }
}

function exampleFor(path: PropertyKey[], examples: Record<string, string>): string {
  const exact = path.join('.');
  if (examples[exact]) return examples[exact];
  // Try the path with record keys and array indexes generalized to `*`, most specific first.
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const generalized = path.map((part, index) => (index >= i ? '*' : String(part))).join('.');
    const example = examples[generalized];
    if (example) return example;
  }
  return examples[''] ?? '{ kbUrl: "/kb/" }';
}

function knownSiblings(path: PropertyKey[], examples: Record<string, string>): string[] {
  const prefix = path.length ? `${path.join('.')}.` : '';
  return Object.keys(examples)
    .filter((key) => key.length > prefix.length && key.startsWith(prefix) && !key.slice(prefix.length).includes('.') && !key.endsWith('*'))
    .map((key) => key.slice(prefix.length));
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
export { widgetError } from './messages.ts';
