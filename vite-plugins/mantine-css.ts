import type { Plugin } from 'vite';

// Mantine ships one CSS file per component (`@mantine/core/styles/Button.css`) next to the class-name
// module each component imports (`esm/components/Button/Button.module.mjs`). In a build, each such
// module imports its own CSS, so a chunk carries the styles of exactly the components it contains:
// the first screen loads the shell's and the list's CSS, a dialog's chunk brings its own, and a new
// component can never be left unstyled. The dev server pre-bundles dependencies (no transform runs
// there), so it loads the whole stylesheet instead.

// Components and the shared InlineInput (the label beside a Checkbox, Radio or Switch).
const CLASS_MODULE = /@mantine[/\\]core[/\\]esm[/\\](?:components|utils)[/\\].+[/\\](\w+)\.module\.mjs$/;

export function mantineCss(entry: string): Plugin {
  let build = true;
  return {
    name: 'im-console:mantine-css',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    transform(code, id) {
      if (build) {
        const component = CLASS_MODULE.exec(id)?.[1];
        return component ? { code: `import '@mantine/core/styles/${component}.css';\n${code}`, map: null } : undefined;
      }
      return id.endsWith(entry) ? { code: `import '@mantine/core/styles.css';\n${code}`, map: null } : undefined;
    },
  };
}
