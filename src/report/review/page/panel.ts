// Browser side of the HTML report: the side panel that tells what the chosen outage does — entry
// points down and why (the chain to the failure), cost per hour and over the recovery time,
// monitors that go blind with what they watch, what only degrades and what survives.

import type { SimulationResult } from '../../../analysis/outage/simulate.js';
import { formatMoney, formatNumber, plural } from '../../shared/format.js';
import { label, type PageModel } from './model.js';
import { lengthControl, lengthName, timeStrip } from './time-strip.js';

export interface PanelScenario {
  result: SimulationResult;
  /** The id failed, or the failure domain. */
  name: string;
  /** Called with a service to show its chain. */
  inspect: (v: number) => void;
  /** With tolerances: how long the outage lasts (Infinity: never ends), and how to change it. */
  length?: { seconds: number; set: (seconds: number) => void };
}

/** The services from v to the failure that brought it down, following `cause` to its end. */
export function whyChain(model: PageModel, result: SimulationResult, v: number): number[] {
  const chain = [v];
  for (let id = result.cause[model.graph.ids[v]!]; id !== undefined; id = result.cause[id]) {
    chain.push(model.graph.index.get(id)!);
    if (chain.length > model.graph.n) break;
  }
  return chain;
}

export function renderPanel(
  panel: HTMLElement,
  model: PageModel,
  scenario: PanelScenario | null,
): void {
  panel.replaceChildren();
  if (scenario === null) {
    panel.append(
      element('h3', 'What if it fails?'),
      element(
        'p',
        'Click any component in the graph, pick a failure domain above, or press a "simulate" button in the tables below: the graph shows what goes down, what degrades and what survives, and this panel tells the story.',
      ),
    );
    return;
  }
  const { result, name, length } = scenario;
  const { graph } = model;
  panel.append(
    element(
      'h3',
      length && Number.isFinite(length.seconds)
        ? `What if ${name} fails for ${lengthName(length.seconds)}?`
        : `What if ${name} fails?`,
    ),
  );
  if (result.failed.length === 1)
    panel.append(element('p', describe(model, graph.index.get(name)!), 'br-muted'));
  else
    panel.append(
      element('p', `${plural(result.failed.length, 'service')} fail together.`, 'br-muted'),
    );

  const entries = result.entrypoints.length;
  const headline = element('p', '', 'br-headline');
  headline.append(
    strong(
      `${formatNumber(result.entrypointsDown.length)} of ${formatNumber(entries)} entry points down`,
    ),
    `, ${formatNumber(result.entrypointsDegraded.length)} degraded. `,
    `${plural(result.down.length, 'service')} down, ${formatNumber(result.degraded.length)} degraded. `,
    strong(`Cost: ${formatMoney(result.costPerHour)} per hour.`),
  );
  panel.append(headline);
  if (length) {
    panel.append(lengthControl(length.seconds, length.set));
    panel.append(element('h4', 'When the entry points go down'));
    panel.append(timeStrip(result, (id) => scenario.inspect(graph.index.get(id)!)));
  }
  const recovery = recoveryNote(model, result);
  if (recovery) panel.append(element('p', recovery));

  if (result.entrypointsDown.length > 0) {
    panel.append(element('h4', 'Why the entry points go down'));
    panel.append(chainList(model, scenario, result.entrypointsDown));
  }
  const blind = blindMonitors(model, result);
  if (blind.length > 0) {
    panel.append(element('h4', 'Monitoring that goes blind with it'));
    const list = document.createElement('ul');
    for (const line of blind) list.append(element('li', line));
    panel.append(list);
  }
  if (result.entrypointsDegraded.length > 0) {
    panel.append(element('h4', 'Entry points degraded'));
    panel.append(chainList(model, scenario, result.entrypointsDegraded));
  }
  const hit = new Set([...result.entrypointsDown, ...result.entrypointsDegraded]);
  const survivors = result.entrypoints.filter((id) => !hit.has(id));
  // Named up to 50, as the chains are: a list of 100,000 names takes seconds to lay out.
  const more = survivors.length > 50 ? `, … and ${formatNumber(survivors.length - 50)} more` : '';
  if (survivors.length > 0)
    panel.append(
      element(
        'p',
        `Entry points that survive: ${survivors.slice(0, 50).join(', ')}${more}.`,
        'br-survives',
      ),
    );
  panel.append(
    idDetails(model, scenario, `All ${plural(result.down.length, 'service')} down`, result.down),
  );
  panel.append(
    idDetails(
      model,
      scenario,
      `All ${plural(result.degraded.length, 'service')} degraded`,
      result.degraded,
    ),
  );
}

function describe(model: PageModel, v: number): string {
  const where = ['provider', 'region', 'zone']
    .map((k) => label(model, v, k as 'provider'))
    .filter(Boolean)
    .join(' / ');
  const parts = [
    label(model, v, 'kind'),
    where,
    label(model, v, 'owner') && `owner ${label(model, v, 'owner')}`,
    label(model, v, 'tier') && `tier ${label(model, v, 'tier')}`,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** For one failed component with a recovery_time: what the outage costs until it is back. */
function recoveryNote(model: PageModel, result: SimulationResult): string | null {
  if (result.failed.length !== 1) return null;
  const seconds = model.data.recovery[model.graph.index.get(result.failed[0]!)!]!;
  if (seconds < 0) return null;
  const hours = seconds / 3600;
  const text = `It takes ${duration(seconds)} to recover`;
  if (result.costPerHour === 0) return `${text}.`;
  return `${text}: about ${formatMoney(result.costPerHour * hours)} lost before it is back.`;
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Monitors failed or down while something they watch is failed or down. */
function blindMonitors(model: PageModel, result: SimulationResult): string[] {
  const lost = new Set([...result.failed, ...result.down]);
  const lines: string[] = [];
  model.data.monitors.forEach((targets, m) => {
    const id = model.graph.ids[m]!;
    if (targets.length === 0 || !lost.has(id)) return;
    const watched = targets.map((t) => model.graph.ids[t]!).filter((t) => lost.has(t));
    if (watched.length > 0)
      lines.push(
        `${id} is down while ${watched.join(', ')} ${watched.length === 1 ? 'is' : 'are'} down: nobody is told.`,
      );
  });
  return lines;
}

function chainList(model: PageModel, scenario: PanelScenario, ids: readonly string[]): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'br-chains';
  for (const id of ids.slice(0, 50)) {
    const v = model.graph.index.get(id)!;
    const item = element(
      'li',
      whyChain(model, scenario.result, v)
        .map((u) => model.graph.ids[u])
        .join(' → '),
    );
    item.tabIndex = 0;
    item.addEventListener('mouseenter', () => scenario.inspect(v));
    item.addEventListener('click', () => scenario.inspect(v));
    list.append(item);
  }
  if (ids.length > 50) list.append(element('li', `… and ${formatNumber(ids.length - 50)} more`));
  return list;
}

function idDetails(
  model: PageModel,
  scenario: PanelScenario,
  title: string,
  ids: readonly string[],
): HTMLElement {
  const details = document.createElement('details');
  details.append(element('summary', title));
  const list = document.createElement('div');
  list.className = 'br-idlist';
  for (const id of ids.slice(0, 500)) {
    const button = element('button', id);
    (button as HTMLButtonElement).type = 'button';
    button.addEventListener('click', () => scenario.inspect(model.graph.index.get(id)!));
    list.append(button);
  }
  if (ids.length > 500)
    list.append(element('span', `… and ${formatNumber(ids.length - 500)} more`));
  details.append(list);
  return details;
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function strong(text: string): HTMLElement {
  return element('strong', text);
}
