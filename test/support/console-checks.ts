import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { vocabulary } from '../../web/src/words';

let axeScript: string | undefined;
const axeSource = () =>
  (axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * The words of a text: letters and digits with underscores (so enum codes stay whole), hyphens
 * and dots inside a word kept (so a code such as `MNJ-COACHING-1` or `T.REN.01` is one word).
 */
export function wordsOf(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}_.-]+/u)
    .map((word) => word.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);
}

/**
 * Words the English dictionary has and the Indonesian one never uses (four letters or more, in
 * lower case): a visible one on an Indonesian screen is text left untranslated.
 */
export function englishOnlyWords(): Set<string> {
  const indonesian = new Set(
    vocabulary('id')
      .flatMap(wordsOf)
      .map((w) => w.toLowerCase()),
  );
  return new Set(
    vocabulary('en')
      .flatMap(wordsOf)
      .map((w) => w.toLowerCase())
      .filter((w) => w.length >= 4 && !/\d/.test(w) && !indonesian.has(w)),
  );
}

/** The text of every visible text node of the page, one entry per node. */
export async function visibleTexts(page: Page): Promise<string[]> {
  // Runs in the page (as text: the test code is not compiled against the DOM's types).
  return page.evaluate(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Identifiers (a token's subject) are marked translate="no": they are not words.
      if (parent.closest('script, style, .visually-hidden, [translate="no"]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.push(text);
    }
    return out;
  })()`);
}

/**
 * What on an Indonesian screen is an API enum code or an English word: each offending text
 * node with the word found. `enumCodes` are the schema's enum values; words the Indonesian
 * dictionary itself uses (NIP, JPM, BKD …) are never counted.
 */
export async function untranslated(
  page: Page,
  enumCodes: ReadonlySet<string>,
  english: ReadonlySet<string>,
): Promise<string[]> {
  const indonesian = new Set(vocabulary('id').flatMap(wordsOf));
  const found: string[] = [];
  for (const text of await visibleTexts(page)) {
    for (const word of wordsOf(text)) {
      if (indonesian.has(word)) continue;
      if (enumCodes.has(word)) found.push(`code ${word} in "${text}"`);
      else if (english.has(word.toLowerCase())) found.push(`English "${word}" in "${text}"`);
    }
  }
  return found;
}

/** Serious and critical accessibility violations axe-core finds on the page as it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's devtools channel: the console's CSP (rightly) refuses a script tag.
  if (!(await page.evaluate(`'axe' in window`))) await page.evaluate(axeSource());
  const violations = await page.evaluate<
    {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join(' | ')})`,
    );
}
