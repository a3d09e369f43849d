import { createInterface } from 'node:readline';
import { ROLES } from '../contract/roles.js';
import { readConsoleSettings } from './console-services.js';
import { openConsoleDatabase } from './store/database.js';
import { createOperators, OperatorError } from './operators.js';
import { createSecondFactor } from './second-factor.js';

// `npm run operator -- <command>`: manage the console's operators in CONSOLE_DB.
// Passwords are read from standard input when it is not a terminal (one line), else prompted
// twice without echo; they are never printed or logged.

const USAGE = `Usage: npm run operator -- <command>
  add NAME --role ROLE        create an operator (ROLE: ${ROLES.join(', ')})
  list                        list operators
  set-role NAME ROLE          change an operator's role (takes effect on their next request)
  disable NAME                disable an operator and end their sessions
  enable NAME                 enable a disabled operator
  reset-password NAME         set a new password and end their sessions
  reset-2fa NAME              remove their second factor (TOTP and recovery codes) and end their sessions
The password comes from standard input when it is not a terminal, e.g.
  printf '%s\\n' "$PASSWORD" | npm run operator -- add alice --role admin
Settings: CONSOLE_DB (default .data/console.sqlite).`;

class UsageError extends Error {}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Print the question, then echo nothing the user types.
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    process.stdout.write(question);
    out._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdinLine();
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Again: ');
  if (first !== second) throw new OperatorError('the two passwords differ');
  return first;
}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) {
    const eq = args.findIndex((a) => a.startsWith(`${name}=`));
    if (eq < 0) return undefined;
    const [arg] = args.splice(eq, 1);
    return arg!.slice(name.length + 1);
  }
  const [, value] = args.splice(i, 2);
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  return value;
}

export async function runOperatorCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const settings = readConsoleSettings(env);
  const database = await openConsoleDatabase({ url: settings.databaseUrl ?? settings.db });
  const { db } = database;
  const operators = createOperators(db);
  const need = (n: number) => {
    if (args.length !== n) throw new UsageError(`${command}: expected ${n} argument${n === 1 ? '' : 's'}`);
  };
  try {
    switch (command) {
      case 'add': {
        const role = takeOption(args, '--role');
        if (!role) throw new UsageError('add: --role ROLE is required');
        need(1);
        const op = await operators.add(args[0]!, role, await readPassword());
        console.log(`added ${op.username} (${op.role})`);
        break;
      }
      case 'list': {
        need(0);
        const list = await operators.list();
        if (list.length === 0) console.log('no operators');
        for (const op of list) {
          console.log(`${op.username.padEnd(24)} ${op.role.padEnd(10)} ${op.disabled ? 'disabled' : 'active  '} since ${new Date(op.createdAt).toISOString()}`);
        }
        break;
      }
      case 'set-role': {
        need(2);
        const op = await operators.setRole(args[0]!, args[1]!);
        console.log(`${op.username} is now ${op.role}`);
        break;
      }
      case 'disable': {
        need(1);
        console.log(`${(await operators.disable(args[0]!)).username} is disabled; their sessions have ended`);
        break;
      }
      case 'enable': {
        need(1);
        console.log(`${(await operators.enable(args[0]!)).username} is enabled`);
        break;
      }
      case 'reset-password': {
        need(1);
        if (!(await operators.get(args[0]!))) throw new OperatorError(`no operator "${args[0]}"`);
        const op = await operators.resetPassword(args[0]!, await readPassword());
        console.log(`new password set for ${op.username}; their sessions have ended`);
        break;
      }
      case 'reset-2fa': {
        need(1);
        const op = await operators.get(args[0]!);
        if (!op) throw new OperatorError(`no operator "${args[0]}"`);
        await createSecondFactor(db).reset(op.id);
        console.log(`second factor removed for ${op.username}; their sessions have ended`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof OperatorError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

// Run when executed (tsx server/operator-cli.ts, node dist-server/operator.js), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/operator(-cli)?\.(ts|js|mjs)$/.test(entry)) {
  runOperatorCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
