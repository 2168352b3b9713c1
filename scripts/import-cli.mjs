// `npm run import` starts here, in plain Node: the import CLI (scripts/import.ts) and its parse
// worker compiled to JavaScript with esbuild, so a run does not pay for tsx's TypeScript loader
// and a second Node process (tsx's CLI), and zod and SheetJS load as one file each instead of
// hundreds of modules. The compiled files live in node_modules/.cache/qingdan-import/ (never
// committed). They are built on the first run and again whenever a file they were compiled from
// changes (checked by size and modification time: a few milliseconds). If they cannot be built,
// the CLI runs from source under tsx as before, only slower.
//
// The database side of an import (embedded PostgreSQL, migrations, Prisma) is not compiled: it is
// loaded from source under tsx when a run actually writes (see scripts/import.ts).
//
// `node scripts/import-cli.mjs --build` only (re)builds the compiled files and prints where.
import module, { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(root, "node_modules", ".cache", "qingdan-import");
const currentFile = path.join(cacheDir, "current.json");
const self = path.relative(root, fileURLToPath(import.meta.url));

/** The entries compiled, by output name (the worker is started from its file beside the CLI's code). */
const ENTRIES = { import: "scripts/import.ts", "parse-worker": "lib/catalogue/import/parse-worker.ts" };
/** Loaded from source at run time (under tsx), not compiled in: see scripts/import.ts. */
const FROM_SOURCE = ["scripts/import-database.ts"];

function stamp(file) {
  const info = fs.statSync(path.join(root, file));
  return `${info.size}:${info.mtimeMs}`;
}

/** The current build, when every file it was compiled from (and this launcher) is unchanged. */
function currentBuild() {
  try {
    const build = JSON.parse(fs.readFileSync(currentFile, "utf8"));
    if (build.root !== root) return null;
    for (const [file, expected] of Object.entries(build.inputs)) if (stamp(file) !== expected) return null;
    const dir = path.join(cacheDir, build.dir);
    return Object.keys(ENTRIES).every((name) => fs.existsSync(path.join(dir, `${name}.mjs`))) ? dir : null;
  } catch {
    return null;
  }
}

async function build() {
  // esbuild is tsx's own dependency: resolve it the way tsx does.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
  const esbuild = requireFromTsx("esbuild");
  const dir = `build-${Date.now()}-${process.pid}`;
  const outdir = path.join(cacheDir, dir);
  const fromSource = {
    name: "qingdan-from-source",
    setup(b) {
      b.onResolve({ filter: /^\.\/import-database$/ }, (args) => {
        const file = path.relative(root, path.join(args.resolveDir, "import-database.ts"));
        if (!FROM_SOURCE.includes(file)) return undefined;
        return { path: pathToFileURL(path.join(root, file)).href, external: true };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    // tsx stays a package: it is loaded only to run the database side from source.
    external: ["tsx", "tsx/*"],
    // Bundled CommonJS packages may call require() for Node's own modules.
    banner: { js: 'import { createRequire as __qingdanCreateRequire } from "node:module"; const require = __qingdanCreateRequire(import.meta.url);' },
    plugins: [fromSource],
    metafile: true,
    logLevel: "silent",
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs).filter((f) => !f.includes(":")), ...FROM_SOURCE, self, "tsconfig.json", "package.json"]) {
    inputs[file] = stamp(file);
  }
  // Written last and renamed into place: a run never sees half a build, and runs still using an
  // earlier build keep their files (older builds are removed a day later).
  const temp = `${currentFile}.${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify({ root, dir, inputs }));
  fs.renameSync(temp, currentFile);
  for (const old of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, old);
    if (old.startsWith("build-") && old !== dir && Date.now() - fs.statSync(full).mtimeMs > 24 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
  }
  return outdir;
}

async function compiled() {
  const existing = currentBuild();
  if (existing) return existing;
  try {
    return await build();
  } catch (error) {
    console.error(`（导入命令未能预编译，改为直接运行源码：${error instanceof Error ? error.message.split("\n")[0] : String(error)}）`);
    return null;
  }
}

// Node 22.1 and later also keep V8's compiled code of these files between runs (Node 20 has no such cache).
module.enableCompileCache?.(path.join(cacheDir, "v8"));

if (process.argv[2] === "--build") {
  const dir = await build();
  console.log(dir);
} else {
  const dir = await compiled();
  if (dir) {
    await import(pathToFileURL(path.join(dir, "import.mjs")).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(path.join(root, ENTRIES.import)).href);
  }
}
