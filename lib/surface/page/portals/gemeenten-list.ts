// The official list of gemeenten (rules/gemeenten.json), validated. Node (the CLI, tests, tools)
// validates it when first asked for; an extension build replaces this module with the list
// validated at build time (wxt.config.ts), as it does the rule packs (lib/core/rules/builtin.ts):
// every portal page would otherwise run zod over 342 gemeenten before naming one, and a broken
// list now fails the build.
import { z } from 'zod';
import raw from '../../../../rules/gemeenten.json';
import { RulePackError, formatZodIssues, rulesErrorMap } from '../../../core/rules/errors';

export const GEMEENTEN_FILE = 'rules/gemeenten.json';

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
export type GemeentenDoc = z.infer<typeof GemeentenSchema>;

/** The list checked: a RulePackError in plain Dutch when the file is broken. */
export function parseGemeenten(input: unknown): GemeentenDoc {
  const parsed = GemeentenSchema.safeParse(input, { error: rulesErrorMap });
  if (!parsed.success) throw new RulePackError(formatZodIssues(GEMEENTEN_FILE, parsed.error.issues));
  return parsed.data;
}

let loaded: GemeentenDoc | null = null;

/** The shipped list, validated (once per context; shared, do not mutate it). */
export function loadGemeenten(): GemeentenDoc {
  loaded ??= parseGemeenten(raw);
  return loaded;
}

/** The source of the module that stands in for this one in an extension build: the validated list as JSON. */
export function compiledGemeentenModule(): string {
  const json = JSON.stringify(loadGemeenten());
  return `const LIST = JSON.parse(${JSON.stringify(json)});\nexport function loadGemeenten() { return LIST; }\n`;
}
