// The deploy folder's package.json and package-lock.json: exactly the packages the bundles import,
// at the versions the repository's lock file resolved, with everything they need and nothing else
// (no workspace, no devDependency, no CLI). `npm ci --omit=dev` on them installs what the
// repository was tested with.

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Node's lookup, over the lock file's paths: the nearest `node_modules/<name>` up from `from`. */
function resolveIn(packages, from, name) {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** What npm installs for an entry: its dependencies, optional ones and peers not marked optional. */
function edgesOf(entry) {
  const optionalPeers = entry.peerDependenciesMeta ?? {};
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    ...Object.keys(entry.peerDependencies ?? {})
      .filter((name) => optionalPeers[name]?.optional !== true)
      .map((name) => ({ name, optional: false })),
  ];
}

/** Every lock path reachable from `roots`; through optional edges too when `withOptional`. */
function closure(packages, roots, withOptional) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    for (const edge of edgesOf(packages[path])) {
      if (edge.optional && !withOptional) continue;
      const found = resolveIn(packages, path, edge.name);
      if (found) queue.push(found);
      else if (!edge.optional)
        throw new Error(`${path} needs ${edge.name}, which the lock file does not hold`);
    }
  }
  return seen;
}

// Flags npm computed for the repository's tree; in the deploy tree everything is a dependency.
const TREE_FLAGS = ['dev', 'devOptional', 'optional', 'peer', 'extraneous'];

/**
 * @param lock the repository's package-lock.json (lockfileVersion 3)
 * @param imported the package names the bundles import
 * @param root the deploy package's own fields (name, engines, scripts…)
 */
export function deployManifest(lock, imported, root) {
  const packages = lock.packages;
  const dependencies = {};
  for (const name of [...imported].sort()) {
    const entry = packages[`node_modules/${name}`];
    if (!entry || entry.link) throw new Error(`${name} is imported but is not an installed package`);
    dependencies[name] = entry.version;
  }
  const roots = Object.keys(dependencies).map((name) => `node_modules/${name}`);
  const required = closure(packages, roots, false);
  const all = closure(packages, roots, true);
  const kept = {};
  for (const path of [...all].sort()) {
    const entry = Object.fromEntries(
      Object.entries(packages[path]).filter(([key]) => !TREE_FLAGS.includes(key)),
    );
    kept[path] = required.has(path) ? entry : { ...entry, optional: true };
  }
  const packageJson = { ...root, dependencies };
  return {
    packageJson,
    lockfile: {
      name: root.name,
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: root.name, dependencies, ...(root.engines ? { engines: root.engines } : {}) },
        ...kept,
      },
    },
    packageCount: all.size,
  };
}
