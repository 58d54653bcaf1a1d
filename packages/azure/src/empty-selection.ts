import { booleanInput, ConfigurationError } from '@arc-actions/core';
import type { FleetSelector } from './fleet.js';

/**
 * Fail closed on an empty fleet: a selector with a typo or a look-alike character (`ring‑0` with U+2011) selects
 * nothing, and a job that checks nothing must not be green. `allow-empty: true` opts in where empty is expected.
 */

export const readAllowEmpty = (): boolean => booleanInput('allow-empty', false);

/** Look-alikes users paste from documents and chat: named, with the ASCII character they stand in for. */
const LOOK_ALIKES: Record<number, [string, string]> = {
  0x00a0: ['no-break space', ' '],
  0x2002: ['en space', ' '],
  0x2003: ['em space', ' '],
  0x2009: ['thin space', ' '],
  0x200b: ['zero-width space', ''],
  0x200c: ['zero-width non-joiner', ''],
  0x200d: ['zero-width joiner', ''],
  0x2060: ['word joiner', ''],
  0xfeff: ['byte order mark', ''],
  0x2010: ['hyphen', '-'],
  0x2011: ['non-breaking hyphen', '-'],
  0x2012: ['figure dash', '-'],
  0x2013: ['en dash', '-'],
  0x2014: ['em dash', '-'],
  0x2212: ['minus sign', '-'],
  0xfe63: ['small hyphen-minus', '-'],
  0xff0d: ['fullwidth hyphen-minus', '-'],
  0x2018: ['left single quotation mark', "'"],
  0x2019: ['right single quotation mark', "'"],
  0x201c: ['left double quotation mark', '"'],
  0x201d: ['right double quotation mark', '"'],
  0x0430: ['Cyrillic a', 'a'],
  0x0435: ['Cyrillic e', 'e'],
  0x043e: ['Cyrillic o', 'o'],
  0x0440: ['Cyrillic er', 'p'],
  0x0441: ['Cyrillic es', 'c'],
  0x0445: ['Cyrillic ha', 'x'],
  0x0456: ['Cyrillic i', 'i'],
  0x03bf: ['Greek omicron', 'o'],
  0x0131: ['dotless i', 'i'],
};

/** The first non-ASCII character of a text, described: `U+2011 (non-breaking hyphen, looks like "-") at position 5`. */
export function describeNonAscii(text: string): string | undefined {
  let position = 0;
  for (const char of text) {
    position++;
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) continue;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const known = LOOK_ALIKES[code];
    const what = known ? ` (${known[0]}${known[1] ? `, looks like "${known[1]}"` : ', invisible'})` : '';
    return `${hex}${what} at position ${position}`;
  }
  return undefined;
}

/** The selector in one line, as the user wrote it (values quoted, so look-alikes and spaces stay visible). */
export function showSelector(selector: FleetSelector): string {
  const parts: string[] = [];
  const tags = Object.entries(selector.tags ?? {});
  if (tags.length) parts.push(`tags {${tags.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`);
  if (selector.resourceGroups?.length) parts.push(`resource-groups [${selector.resourceGroups.join(', ')}]`);
  if (selector.subscriptions?.length) parts.push(`subscriptions [${selector.subscriptions.join(', ')}]`);
  if (selector.managementGroups?.length) parts.push(`management-groups [${selector.managementGroups.join(', ')}]`);
  return parts.join(', ');
}

/** Every non-ASCII character of the selector's values and names, where it is. */
export function nonAsciiInSelector(selector: FleetSelector): string[] {
  const found: string[] = [];
  for (const [k, v] of Object.entries(selector.tags ?? {})) {
    const inKey = describeNonAscii(k);
    if (inKey) found.push(`the tag name ${JSON.stringify(k)} has ${inKey}`);
    const inValue = describeNonAscii(v);
    if (inValue) found.push(`the tag value ${JSON.stringify(v)} has ${inValue}`);
  }
  for (const rg of selector.resourceGroups ?? []) {
    const d = describeNonAscii(rg);
    if (d) found.push(`the resource group ${JSON.stringify(rg)} has ${d}`);
  }
  return found;
}

/** Where Resource Graph looked for a selector: its management groups, its subscriptions or the default subscription. */
export function selectorScope(selector: FleetSelector, defaultSubscription: string | undefined): string {
  if (selector.managementGroups?.length) return `management group(s) ${selector.managementGroups.join(', ')}`;
  if (selector.subscriptions?.length) return `subscription(s) ${selector.subscriptions.join(', ')}`;
  return `subscription ${defaultSubscription ?? '(none)'}`;
}

/**
 * The error of a selector that matched no cluster (throw it unless `allow-empty` is true): it repeats the selector,
 * says where it looked, points at any non-ASCII character and names both fixes.
 */
export function emptySelectionError(selector: FleetSelector, where: string, clusterType = 'connectedClusters'): ConfigurationError {
  const odd = nonAsciiInSelector(selector);
  return new ConfigurationError(
    `Input "selector" selected no cluster: ${showSelector(selector)} matched no ${clusterType} in ${where}.` +
      (odd.length ? ` Check the characters: ${odd.join('; ')}.` : '') +
      ' Fix the selector, or set "allow-empty: true" where an empty fleet is expected; nothing was changed.',
    'selector',
  );
}
