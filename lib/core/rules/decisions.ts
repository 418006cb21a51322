// What the raad did with a motie or an amendement: the one list behind the rules' schema, the
// stored and sent shapes, and the checks of values read back from storage. Without zod: the
// extension pages and the service worker import it where no schema is needed.
export const PROPOSAL_DECISIONS = ['aangenomen', 'verworpen', 'ingetrokken'] as const;

export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

export const isProposalDecision = (value: unknown): value is ProposalDecision => typeof value === 'string' && (PROPOSAL_DECISIONS as readonly string[]).includes(value);
