import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mantineCss } from './mantine-css';

const core = join(import.meta.dirname, '../node_modules/@mantine/core');

function transformer(command: 'build' | 'serve') {
  const plugin = mantineCss('/src/main.tsx');
  (plugin.configResolved as (c: { command: string }) => void)({ command });
  return (code: string, id: string) => (plugin.transform as (c: string, id: string) => { code: string } | undefined)(code, id)?.code;
}

describe('mantineCss', () => {
  it('in a build, makes every Mantine class-name module import its component’s stylesheet', () => {
    const transform = transformer('build');
    const modules = readdirSync(join(core, 'esm'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.module.mjs'));
    const styles = new Set(readdirSync(join(core, 'styles')));
    expect(modules.length).toBeGreaterThan(90);
    for (const file of modules) {
      const code = transform('export default {};', join(core, 'esm', file));
      const css = /import '@mantine\/core\/styles\/(\w+\.css)';/.exec(code ?? '')?.[1];
      expect(css, file).toBeDefined();
      expect(styles.has(css!), `${css} exists`).toBe(true);
    }
    expect(transform('export {}', '/work/src/main.tsx')).toBeUndefined();
  });

  it('in the dev server, loads the whole stylesheet from the entry only', () => {
    const transform = transformer('serve');
    expect(transform('x', '/work/src/main.tsx')).toBe("import '@mantine/core/styles.css';\nx");
    expect(transform('x', join(core, 'esm/components/Button/Button.module.mjs'))).toBeUndefined();
  });
});
