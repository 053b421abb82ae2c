// import/openpsa/ — a manifest from an Open-PSA MEF fault tree (and the small XML reader it needs).
//
// `import openpsa`: Open-PSA MEF fault trees (the format of SCRAM, XFTA and the Aralia
// benchmark) to a manifest — the dual of the dependency model. A fault tree says when the top
// event *fails*; a manifest says when a service is *up*:
//   basic event, probability q   → a component with sla 100·(1 − q)
//   OR gate (fails if one fails) → a virtual service that hard-depends on every input
//   AND gate (fails if all fail) → a virtual service with `any_of` over its inputs
//   ATLEAST k of n               → a virtual service needing `quorum: n − k + 1` of the n inputs
//   the top event                → the entry point
// Gates are virtual: they cannot fail by themselves. NOT, XOR and other non-coherent logic,
// house events and probability expressions other than a constant are refused with their place.
//
// Duplicate inputs to one gate: for OR and AND a repeat changes nothing (A ∨ A = A, A ∧ A = A)
// and is dropped; for ATLEAST each further occurrence counts again, so it becomes a virtual
// pass-through service of its own (`gate/repeat-2`) that depends on the input — the same truth table.

import { byCodeUnit } from '../../compare.js';
import { LineIndex } from '../../manifest/parse/line-index.js';
import { Diagnostics } from '../shared/diagnostics.js';
import {
  importResult,
  newService,
  type ImportResult,
  type ImportedService,
  type SourceText,
} from '../shared/imported-manifest.js';
import { parseXml, XmlError, type XmlElement } from './xml.js';

const CAVEATS = [
  'Basic events are components with sla = 100 × (1 − probability); gates are virtual services',
  '(OR: hard dependencies, AND: any_of, ATLEAST k/n: quorum n − k + 1); the top event is the',
  'entry point. 1 − the entry point’s availability is the top event’s probability.',
];

const GATE_FORMULAS = new Set(['and', 'or', 'atleast']);
const NON_COHERENT = new Set(['not', 'xor', 'nand', 'nor', 'iff', 'imply', 'cardinality']);
const REFERENCES = new Set(['gate', 'basic-event', 'event']);

interface Place {
  file: string;
  lines: LineIndex;
}

/** One parsed formula: a connective over inputs, each a reference or a nested formula. */
interface Reference {
  ref: string;
  kind: 'gate' | 'basic-event' | 'event';
  offset: number;
}

interface Formula {
  connective: 'and' | 'or' | 'atleast';
  min: number;
  inputs: Array<Reference | Formula>;
  offset: number;
}

export function importOpenPsa(inputs: SourceText[]): ImportResult {
  const diagnostics = new Diagnostics();
  const gates = new Map<string, { formula: Formula; place: Place; offset: number }>();
  const events = new Map<
    string,
    { probability: number | undefined; place: Place; offset: number }
  >();
  const referenced = new Set<string>();
  for (const input of inputs) {
    const place = { file: input.file, lines: new LineIndex(input.text) };
    let root: XmlElement;
    try {
      root = parseXml(input.text);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      diagnostics.error(at(place, error.offset), `not well-formed XML: ${error.message}`);
      continue;
    }
    if (root.name !== 'opsa-mef') {
      diagnostics.error(
        at(place, root.offset),
        `an Open-PSA MEF file has <opsa-mef> at its root, not <${root.name}>`,
      );
      continue;
    }
    readDefinitions(root, place, gates, events, diagnostics);
  }
  if (diagnostics.hasErrors) return importResult('openpsa', inputs, CAVEATS, [], diagnostics);

  const services: ImportedService[] = [];
  const gateId = (name: string) => (events.has(name) ? `gate:${name}` : name);
  const idOf = (input: Reference, place: Place): string | undefined => {
    const gate = input.kind !== 'basic-event' && gates.has(input.ref);
    const event = input.kind !== 'gate' && events.has(input.ref);
    if (gate) return gateId(input.ref);
    if (event) return input.ref;
    const what = input.kind === 'event' ? 'event' : input.kind.replace('-', ' ');
    diagnostics.error(at(place, input.offset), `${what} "${input.ref}" is never defined`);
    return undefined;
  };

  for (const [name, { formula, place }] of [...gates].sort(([a], [b]) => byCodeUnit(a, b))) {
    // Nested formulas become virtual services of their own, named after the gate.
    const queue: Array<{ id: string; formula: Formula }> = [{ id: gateId(name), formula }];
    let nested = 0;
    for (let next = queue.shift(); next; next = queue.shift()) {
      const ids: string[] = [];
      for (const input of next.formula.inputs) {
        if ('ref' in input) {
          if (input.kind !== 'basic-event') referenced.add(input.ref);
          const id = idOf(input, place);
          if (id !== undefined) ids.push(id);
        } else {
          const id = `${gateId(name)}/${++nested}`;
          queue.push({ id, formula: input });
          ids.push(id);
        }
      }
      services.push(...gateServices(next.id, next.formula, ids));
    }
  }
  for (const [name, { probability, place, offset }] of events) {
    if (probability === undefined) {
      diagnostics.error(
        at(place, offset),
        `basic event "${name}" has no probability (<float value="…"/>)`,
      );
      continue;
    }
    const service = newService(name);
    service.sla = 100 * (1 - probability);
    services.push(service);
  }
  // The top events: gates no other gate uses.
  const tops = [...gates.keys()].filter((name) => !referenced.has(name)).sort();
  for (const top of tops) {
    const service = services.find((s) => s.id === gateId(top));
    if (service) service.entrypoint = true;
  }
  if (gates.size > 0 && tops.length === 0) {
    const [first] = gates.values();
    diagnostics.error(
      at(first!.place, first!.offset),
      'no top event: every gate is used by another (a cycle)',
    );
  }
  return importResult('openpsa', inputs, CAVEATS, services, diagnostics);
}

/** The virtual service of one gate, and the pass-through services its repeated inputs need. */
function gateServices(id: string, formula: Formula, inputs: string[]): ImportedService[] {
  const service = newService(id);
  service.virtual = true;
  const extra: ImportedService[] = [];
  if (formula.connective === 'atleast') {
    const seen = new Map<string, number>();
    const alternatives = inputs.map((input) => {
      const count = (seen.get(input) ?? 0) + 1;
      seen.set(input, count);
      if (count === 1) return input;
      const pass = newService(`${id}/repeat-${count}`);
      pass.virtual = true;
      pass.dependsOn = [{ anyOf: [input], soft: false }];
      pass.notes.push(`repeated input "${input}" of ATLEAST gate "${id}"`);
      extra.push(pass);
      return pass.id;
    });
    const quorum = alternatives.length - formula.min + 1;
    service.dependsOn = [{ anyOf: alternatives, quorum, soft: false }];
    service.notes.push(`fault tree: at least ${formula.min} of ${alternatives.length} fail`);
  } else if (formula.connective === 'and') {
    service.dependsOn = [{ anyOf: [...new Set(inputs)], soft: false }];
    service.notes.push('fault tree: AND (fails when every input fails)');
  } else {
    service.dependsOn = [...new Set(inputs)].map((input) => ({ anyOf: [input], soft: false }));
    service.notes.push('fault tree: OR (fails when one input fails)');
  }
  return [service, ...extra];
}

function readDefinitions(
  root: XmlElement,
  place: Place,
  gates: Map<string, { formula: Formula; place: Place; offset: number }>,
  events: Map<string, { probability: number | undefined; place: Place; offset: number }>,
  diagnostics: Diagnostics,
): void {
  // <opsa-mef> holds fault trees and model data; a fault tree holds gates and may hold events.
  const containers = [root];
  for (let next = containers.shift(); next; next = containers.shift()) {
    for (const element of next.children) {
      const name = element.attributes.get('name');
      switch (element.name) {
        case 'define-fault-tree':
        case 'model-data':
          containers.push(element);
          break;
        case 'define-gate': {
          const formula = readGateBody(element, place, diagnostics);
          if (name === undefined)
            diagnostics.error(at(place, element.offset), '<define-gate> needs a name');
          else if (gates.has(name))
            diagnostics.error(at(place, element.offset), `gate "${name}" is defined twice`);
          else if (formula) gates.set(name, { formula, place, offset: element.offset });
          break;
        }
        case 'define-basic-event': {
          if (name === undefined) {
            diagnostics.error(at(place, element.offset), '<define-basic-event> needs a name');
            break;
          }
          if (events.has(name)) {
            diagnostics.error(at(place, element.offset), `basic event "${name}" is defined twice`);
            break;
          }
          events.set(name, {
            probability: readProbability(element, place, diagnostics),
            place,
            offset: element.offset,
          });
          break;
        }
        case 'define-house-event':
          diagnostics.error(
            at(place, element.offset),
            `house event "${name ?? ''}": house events (constants) are not supported; set the basic events instead`,
          );
          break;
        case 'label':
        case 'attributes':
          break;
        default:
          diagnostics.error(
            at(place, element.offset),
            `<${element.name}> is not supported by import openpsa (fault trees with gates and basic events only)`,
          );
      }
    }
  }
}

function readGateBody(
  element: XmlElement,
  place: Place,
  diagnostics: Diagnostics,
): Formula | undefined {
  const body = element.children.filter((c) => c.name !== 'label' && c.name !== 'attributes');
  if (body.length !== 1) {
    diagnostics.error(
      at(place, element.offset),
      `gate "${element.attributes.get('name') ?? ''}" needs exactly one formula`,
    );
    return undefined;
  }
  return readFormula(body[0]!, place, diagnostics);
}

/** A formula and its nested ones, read with an explicit stack. */
function readFormula(top: XmlElement, place: Place, diagnostics: Diagnostics): Formula | undefined {
  let ok = true;
  const build = (element: XmlElement): Formula | undefined => {
    if (NON_COHERENT.has(element.name)) {
      diagnostics.error(
        at(place, element.offset),
        `<${element.name}> makes the fault tree non-coherent: blast-radius models only AND, OR and ATLEAST`,
      );
      ok = false;
      return undefined;
    }
    if (!GATE_FORMULAS.has(element.name)) {
      diagnostics.error(
        at(place, element.offset),
        `<${element.name}> is not a formula (and, or, atleast)`,
      );
      ok = false;
      return undefined;
    }
    let min = 1;
    if (element.name === 'atleast') {
      const text = element.attributes.get('min') ?? '';
      min = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
      if (!(min >= 1 && min <= element.children.length)) {
        diagnostics.error(
          at(place, element.offset),
          `<atleast min="${text}"> needs a whole min between 1 and its ${element.children.length} inputs`,
        );
        ok = false;
      }
    } else if (element.name === 'and') min = element.children.length;
    return {
      connective: element.name as Formula['connective'],
      min,
      inputs: [],
      offset: element.offset,
    };
  };
  const root = build(top);
  if (root === undefined) return undefined;
  const stack: Array<{ element: XmlElement; formula: Formula }> = [{ element: top, formula: root }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.element.children.length === 0) {
      diagnostics.error(at(place, next.element.offset), `<${next.element.name}> has no inputs`);
      ok = false;
    }
    for (const child of next.element.children) {
      if (REFERENCES.has(child.name)) {
        const ref = child.attributes.get('name');
        if (ref === undefined) {
          diagnostics.error(at(place, child.offset), `<${child.name}> needs a name`);
          ok = false;
          continue;
        }
        next.formula.inputs.push({
          ref,
          kind: child.name as 'gate' | 'basic-event' | 'event',
          offset: child.offset,
        });
      } else {
        const formula = build(child);
        if (formula === undefined) continue;
        next.formula.inputs.push(formula);
        stack.push({ element: child, formula });
      }
    }
  }
  return ok ? root : undefined;
}

function readProbability(
  element: XmlElement,
  place: Place,
  diagnostics: Diagnostics,
): number | undefined {
  const body = element.children.filter((c) => c.name !== 'label' && c.name !== 'attributes');
  if (body.length === 0) return undefined;
  const value = body[0]!;
  const text = value.attributes.get('value');
  const probability = text === undefined ? Number.NaN : Number(text);
  if (body.length !== 1 || value.name !== 'float' || !(probability >= 0 && probability < 1)) {
    const what = value.name === 'float' ? `probability ${text ?? '(none)'}` : `<${value.name}>`;
    diagnostics.error(
      at(place, value.offset),
      `${what}: a basic event needs a constant probability, <float value="q"/> with 0 ≤ q < 1`,
    );
    return undefined;
  }
  return probability;
}

function at(place: Place, offset: number) {
  return { file: place.file, ...place.lines.at(offset) };
}
