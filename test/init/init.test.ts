// `blast-radius init` on copies of the corpus repositories (the IaC corpus among them): it writes a
// starter manifest that `validate` accepts, includes the imports it chose (and says which it
// left out), writes each generated file exactly as the command in its header does, asks its
// questions as comments that stay valid when answered, never overwrites a file, and gives the
// same bytes for the same input.

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const CORPUS = path.join(ROOT, 'fixtures/corpus');

/** A fresh copy of a corpus repository in a temporary folder. */
function copyOf(repository: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-init-'));
  const target = path.join(dir, repository);
  cpSync(path.join(CORPUS, repository), target, { recursive: true });
  return target;
}

/** The control characters of a text, line feeds aside. */
function controls(text: string): string[] {
  return [...text].filter((c) => c !== '\n' && (c.charCodeAt(0) < 0x20 || c === '\u007f'));
}

function generated(dir: string): string[] {
  const folder = path.join(dir, 'blast-radius');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** Each repository, and the generated files `init` includes for it (measured, then pinned). */
const REPOSITORIES: Record<string, string[]> = {
  'awesome-compose': [
    'compose-elasticsearch-logstash-kibana.generated.yaml',
    'compose-nginx-aspnet-mysql.generated.yaml',
    'compose-nginx-nodejs-redis.generated.yaml',
    'compose-nginx-wsgi-flask.generated.yaml',
    'compose-pihole-cloudflared-DoH.generated.yaml',
  ],
  backstage: ['backstage.generated.yaml'],
  'backstage-demo': ['backstage.generated.yaml'],
  // The compose file names 4 dependencies, the Kubernetes manifests none: compose is kept.
  'example-voting-app': ['compose.generated.yaml'],
  // kubernetes-manifests/ and release/ declare the same services: the first is kept.
  'microservices-demo': ['kubernetes-kubernetes-manifests.generated.yaml'],
  'netbox-docker': ['compose.generated.yaml'],
  'opentelemetry-demo': ['compose.generated.yaml'],
  'sock-shop': ['kubernetes-deploy-kubernetes.generated.yaml'],
  'temporal-docker-compose': ['compose.generated.yaml'],
  'jaeger-ui': [],
  aralia: [],
};

describe('init on the corpus', () => {
  it.each(Object.entries(REPOSITORIES))(
    '%s: a starter that validate accepts',
    async (name, files) => {
      const dir = copyOf(name);
      const run = await runCli(['init'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
        'next: answer the questions in blast-radius.yaml, then run: blast-radius analyze',
      );
      expect(generated(dir)).toEqual(files);
      const starter = readFileSync(path.join(dir, 'blast-radius.yaml'), 'utf8');
      for (const file of files) expect(starter).toContain(`  - blast-radius/${file}\n`);
      const validate = await runCli(['validate'], { cwd: dir });
      expect(validate.stderr).toBe('');
      expect(validate.code).toBe(0);
      if (files.length === 0) {
        expect(run.stdout).toContain('found nothing to import');
      } else {
        expect(validate.stdout).not.toMatch(/ 0 services/);
        expect(starter).toMatch(/^ {6}# cost_per_hour: /m);
        expect(starter).toMatch(/^ {2}# {3}set: \{ provider: aws, region: us-east-1 \}$/m);
      }
    },
  );

  it('says which imports it left out, and how to use one instead', async () => {
    const dir = copyOf('example-voting-app');
    const run = await runCli(['init'], { cwd: dir });
    expect(run.stdout).toContain(
      'left out k8s-specifications/ (9 files): its services are already imported, into ' +
        'blast-radius/compose.generated.yaml (db, redis, result, vote, worker)',
    );
    const starter = readFileSync(path.join(dir, 'blast-radius.yaml'), 'utf8');
    expect(starter).toMatch(
      /^# {5}To use it instead: blast-radius import kubernetes k8s-specifications\/db-deployment\.yaml /m,
    );
  });

  it('writes each import exactly as the command in its header does', async () => {
    const dir = copyOf('microservices-demo');
    await runCli(['init'], { cwd: dir });
    const file = path.join(dir, 'blast-radius/kubernetes-kubernetes-manifests.generated.yaml');
    const written = readFileSync(file, 'utf8');
    const command = /^# Regenerate it .*\n# {3}(.*)$/m.exec(written)![1]!;
    const words = command.split(' ');
    expect(words.slice(0, 2)).toEqual(['blast-radius', 'import']);
    const again = await runCli(['import', ...words.slice(2, -2), '-o', 'again.yaml'], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    const regenerated = readFileSync(path.join(dir, 'again.yaml'), 'utf8');
    // The header names its own -o; everything else is the same bytes.
    expect(regenerated.replace(' -o again.yaml', '')).toBe(written.replace(/ -o \S+$/m, ''));
  });

  it('asks questions that stay valid when answered', async () => {
    const dir = copyOf('netbox-docker');
    await runCli(['init'], { cwd: dir });
    const file = path.join(dir, 'blast-radius.yaml');
    const answered = readFileSync(file, 'utf8')
      .replace(/^( {6})# (tier|cost_per_hour|rto|sla): /gm, '$1$2: ')
      .replace(/^( {2})# (- \{ match: .*, set: \{ sla: 99\.9 \} \})/gm, '$1$2');
    expect(answered).toMatch(/^ {6}cost_per_hour: 1000/m);
    expect(answered).toMatch(/^ {2}- \{ match: /m);
    writeFileSync(file, answered);
    const analyze = await runCli(['analyze', '--format', 'json'], { cwd: dir });
    expect(analyze.stderr).toBe('');
    expect(analyze.code).toBe(0);
    // Answered, the SLAs and costs reach the analysis: every entry point has a yearly cost.
    const result = JSON.parse(analyze.stdout) as {
      availability: Record<string, { expectedCostPerYear: number }>;
    };
    const costs = Object.values(result.availability).map((each) => each.expectedCostPerYear);
    expect(costs.length).toBeGreaterThan(0);
    for (const cost of costs) expect(cost).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same repository', async () => {
    const a = copyOf('awesome-compose');
    const b = copyOf('awesome-compose');
    await runCli(['init'], { cwd: a });
    await runCli(['init', 'awesome-compose'], { cwd: path.dirname(b) });
    for (const file of ['blast-radius.yaml', ...generated(a).map((f) => `blast-radius/${f}`)]) {
      expect(readFileSync(path.join(b, file), 'utf8')).toBe(
        readFileSync(path.join(a, file), 'utf8'),
      );
    }
  });
});

/** The shared corpus of IaC files, when this checkout sits beside it. */
function sharedCorpus(kind: string): string | undefined {
  return [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')]
    .map((dir) => path.join(dir, kind))
    .find((dir) => existsSync(dir));
}

/** Every file below a folder, relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** `init` in a copy of a folder of IaC files: its output, starter and generated files. */
async function initIn(source: string) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'br-init-')), 'infra');
  cpSync(source, dir, { recursive: true });
  const run = await runCli(['init'], { cwd: dir });
  const starter = readFileSync(path.join(dir, 'blast-radius.yaml'), 'utf8');
  const validate = await runCli(['validate'], { cwd: dir });
  return { dir, run, starter, validate };
}

describe('init offers the Terraform and CloudFormation importers', () => {
  it('imports each Terraform plan and state on its own, and says why one is left out', async () => {
    const { dir, run, validate } = await initIn(path.join(CORPUS, 'terraform'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(generated(dir).filter((f) => f.startsWith('terraform-'))).toHaveLength(
      generated(dir).length,
    );
    expect(generated(dir)).toContain(
      'terraform-checkov-tests-terraform-runner-resources-plan-tfplan.generated.yaml',
    );
    expect(run.stdout).toContain(
      'left out inframap/generate/testdata/version_3_state.json: it does not import: ' +
        'inframap/generate/testdata/version_3_state.json: a version 3 state (Terraform 0.11 or older) is not supported',
    );
    // The plan without resources declares nothing; every other file is included.
    expect(run.stdout).toContain(
      'left out checkov/tests/terraform/runner/resources/plan_with_providers/tfplan.json: it declares no service',
    );
  });

  it('imports the CloudFormation templates together, nested stacks resolved', async () => {
    const { dir, run, starter, validate } = await initIn(path.join(CORPUS, 'cloudformation'));
    expect(run.code).toBe(0);
    expect(validate.code).toBe(0);
    expect(generated(dir)).toEqual(['cloudformation.generated.yaml']);
    expect(starter).toContain('  - blast-radius/cloudformation.generated.yaml\n');
    const imported = readFileSync(
      path.join(dir, 'blast-radius/cloudformation.generated.yaml'),
      'utf8',
    );
    // master.yaml's nested stacks found their templates among the others.
    expect(imported).toMatch(/^ {2}master\/VPC\/NatGateway1:$/m);
    // Its header's command regenerates it from the same files.
    const command = /^# Regenerate it .*\n# {3}(.*)$/m.exec(imported)![1]!.split(' ');
    const again = await runCli(['import', ...command.slice(2, -2), '-o', 'again.yaml'], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    const regenerated = readFileSync(path.join(dir, 'again.yaml'), 'utf8');
    expect(regenerated.replace(' -o again.yaml', '')).toBe(imported.replace(/ -o \S+$/m, ''));
  });

  // Skipped, visibly, in a checkout without the shared corpus beside it.
  it.skipIf(sharedCorpus('terraform') === undefined).each(['terraform', 'cloudformation'])(
    'every file of the shared %s corpus is offered, and the starter validates',
    async (kind) => {
      const shared = sharedCorpus(kind)!;
      const { dir, run, starter, validate } = await initIn(shared);
      expect(run.code).toBe(0);
      expect(validate.stderr).toBe('');
      expect(validate.code).toBe(0);
      const files = filesBelow(shared).filter((f) => /\.(?:json|ya?ml|tfstate)$/.test(f));
      expect(files.length).toBeGreaterThan(20);
      // Each file is named by a generated import's header, or in the starter as left out.
      const said = [
        starter,
        ...generated(dir).map((f) => readFileSync(path.join(dir, 'blast-radius', f), 'utf8')),
      ].join('\n');
      const named = (file: string) =>
        said.includes(`#   ${file}\n`) || said.includes(`#   ${file}, `);
      expect(files.filter((file) => !named(file))).toEqual([]);
    },
  );

  it('a repository with Terraform, a template, package.json, compose and Kubernetes files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'br-init-'));
    const put = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    put('package.json', '{ "name": "app", "version": "1.0.0" }\n');
    put('compose.yaml', 'services:\n  web: {}\n');
    put(
      'k8s/web.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers: [{ name: api, image: api, resources: {} }]\n',
    );
    cpSync(
      path.join(
        CORPUS,
        'terraform/terraform-validator/testdata/templates/full_compute_instance.tfplan.json',
      ),
      path.join(dir, 'infra/plan.json'),
    );
    cpSync(
      path.join(CORPUS, 'cloudformation/aws-cloudformation-templates/EKS/template.yaml'),
      path.join(dir, 'cfn/eks.yaml'),
    );
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(generated(dir)).toEqual([
      'cloudformation-cfn.generated.yaml',
      'compose.generated.yaml',
      'kubernetes-k8s.generated.yaml',
      'terraform-infra-plan.generated.yaml',
    ]);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});

describe('init never overwrites', () => {
  it('refuses when the manifest exists: exit 2, the file untouched, nothing written', async () => {
    const dir = copyOf('netbox-docker');
    writeFileSync(path.join(dir, 'blast-radius.yaml'), 'mine\n');
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'blast-radius.yaml: already exists; init never overwrites a file (move it away to start again)\n',
    );
    expect(readFileSync(path.join(dir, 'blast-radius.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'blast-radius'))).toBe(false);
  });

  it('refuses when a file it would generate exists, and writes nothing', async () => {
    const dir = copyOf('netbox-docker');
    mkdirSync(path.join(dir, 'blast-radius'));
    writeFileSync(path.join(dir, 'blast-radius/compose.generated.yaml'), 'mine\n');
    const run = await runCli(['init', dir], { cwd: tmpdir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/compose\.generated\.yaml: already exists; init never overwrites/);
    expect(existsSync(path.join(dir, 'blast-radius.yaml'))).toBe(false);
    expect(readFileSync(path.join(dir, 'blast-radius/compose.generated.yaml'), 'utf8')).toBe(
      'mine\n',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('.blast-radius-init'))).toEqual([]);
  });

  it('names the manifest to analyze when run on another folder', async () => {
    const dir = copyOf('netbox-docker');
    const run = await runCli(['init', 'netbox-docker'], { cwd: path.dirname(dir) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('blast-radius analyze netbox-docker/blast-radius.yaml\n');
  });

  it('is a usage error on a folder that does not exist', async () => {
    const run = await runCli(['init', 'no-such-folder'], { cwd: tmpdir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('blast-radius: no-such-folder: not a directory\n');
  });
});

describe('init with inputs it cannot import', () => {
  it('leaves a broken compose file out, says why, and still writes a valid starter', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'br-init-'));
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    depends_on: [db]\n');
    mkdirSync(path.join(dir, 'k8s'));
    writeFileSync(
      path.join(dir, 'k8s/web.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers: [{ name: api, image: api }]\n',
    );
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'left out compose.yaml: it does not import: compose.yaml:3:18: service "web" depends on undefined service "db"',
    );
    expect(generated(dir)).toEqual(['kubernetes-k8s.generated.yaml']);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('never passes a control character of a folder name through to the starter or the terminal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'br-init-'));
    const folder = 'evil\u001b[31m\nname';
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, 'compose.yaml'), 'services:\n  web: {}\n');
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(controls(run.stdout)).toEqual([]);
    expect(generated(dir)).toEqual(['compose-evil-31m-name.generated.yaml']);
    const starter = readFileSync(path.join(dir, 'blast-radius.yaml'), 'utf8');
    expect(controls(starter)).toEqual([]);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});
