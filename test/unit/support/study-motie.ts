// Motie texts written for the tests of a dictum that asks for a study (letter-study,
// letter-stored, use-pdf-checklist): one text, so each reads the same motie.

/** A motie about sensors in the binnenstad with `dictum` as its dictum lines. */
export const motieText = (dictum: readonly string[]): string =>
  [
    'Motie slimme sensoren in de binnenstad',
    'De raad van de gemeente Voorbeeld, in vergadering bijeen op 4 november 2026,',
    'constaterende dat:',
    '- andere steden algoritmes en camera’s met beeldherkenning gebruiken om drukte te meten;',
    'overwegende dat:',
    '- de gemeente hiermee mogelijk de veiligheid bij evenementen kan vergroten;',
    ...dictum,
    'en gaat over tot de orde van de dag.',
  ].join('\n');

/** Its dictum asks a study only ("onderzoek te doen naar …") and to be told its outcome. */
export const STUDY_MOTIE = motieText(['verzoekt het college:', '- onderzoek te doen naar de mogelijkheden van algoritmes en beeldherkenning voor het meten van drukte;', '- de raad voor de zomer over de uitkomsten te informeren,']);
