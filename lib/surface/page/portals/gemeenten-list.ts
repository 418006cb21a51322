// The official list of gemeenten (rules/gemeenten.json), validated. Node (the CLI, tests, tools)
// validates it when first asked for; an extension build replaces this module with the names
// validated at build time (wxt.config.ts), as it does the rule packs (lib/core/rules/builtin.ts):
// every portal page would otherwise run zod over 342 gemeenten before naming one, and a broken
// list now fails the build. The page needs the names only (not the source, date or provincie), as
// one string split when a gemeente is first looked up.
import { z } from 'zod';
import raw from '../../../../rules/gemeenten.json';
import { RulePackError, formatZodIssues, rulesErrorMap } from '../../../core/rules/errors';

const GEMEENTEN_FILE = 'rules/gemeenten.json';

const NameSchema = z.string().trim().min(2).max(80);
export const GemeentenSchema = z.strictObject({
  _bron: z.string().min(20),
  _peildatum: z.iso.date(),
  gemeenten: z
    .array(
      z.strictObject({
        /** How the council and its portal name the gemeente ("Den Haag"). */
        name: NameSchema,
        /** The CBS table's name where it differs ("'s-Gravenhage"). */
        cbs: NameSchema.optional(),
        provincie: z.enum([
          'Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht',
          'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg',
        ]),
        /** Other names pages use ("Den Bosch"). */
        ook: z.array(NameSchema).max(5).optional(),
      }),
    )
    .min(300)
    .max(400),
});
type GemeentenDoc = z.infer<typeof GemeentenSchema>;

/** The list checked: a RulePackError in plain Dutch when the file is broken. */
export function parseGemeenten(input: unknown): GemeentenDoc {
  const parsed = GemeentenSchema.safeParse(input, { error: rulesErrorMap });
  if (!parsed.success) throw new RulePackError(formatZodIssues(GEMEENTEN_FILE, parsed.error.issues));
  return parsed.data;
}

let loaded: GemeentenDoc | null = null;

/** The shipped list, validated (once per context; shared, do not mutate it). */
function loadGemeenten(): GemeentenDoc {
  loaded ??= parseGemeenten(raw);
  return loaded;
}

/** A gemeente's official name and the other names pages give it (the CBS name, then `ook`). */
export interface GemeenteNames {
  name: string;
  other: string[];
}

let names: GemeenteNames[] | null = null;

/** The names of every gemeente in the list, in its order (shared, do not mutate). */
export function gemeenteNames(): GemeenteNames[] {
  names ??= loadGemeenten().gemeenten.map((g) => ({ name: g.name, other: [...(g.cbs ? [g.cbs] : []), ...(g.ook ?? [])] }));
  return names;
}

// One gemeente a line, its names apart; no name in the list uses either (checked when emitted).
const LINE = '\n';
const NAME = '|';

/** The source of the module that stands in for this one in an extension build: the validated names in one string. */
export function compiledGemeentenModule(): string {
  const lines = gemeenteNames().map((g) => {
    for (const n of [g.name, ...g.other]) if (n.includes(LINE) || n.includes(NAME)) throw new Error(`${GEMEENTEN_FILE}: '${n}' bevat een scheidingsteken`);
    return [g.name, ...g.other].join(NAME);
  });
  return [
    `const PACKED = ${JSON.stringify(lines.join(LINE))};`,
    'let names = null;',
    'export function gemeenteNames() {',
    `  return (names ??= PACKED.split(${JSON.stringify(LINE)}).map((line) => { const [name, ...other] = line.split(${JSON.stringify(NAME)}); return { name, other }; }));`,
    '}',
    '',
  ].join('\n');
}
