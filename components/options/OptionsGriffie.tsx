// "Van uw griffie": what the griffie set (browser policy or an imported settings file), shown
// to the reader but not editable here; a policy with mistakes says which keys were ignored.
import { t } from '@/lib/extension/i18n';
import { hasPolicy, type GriffieState } from '@/lib/extension/settings';
import { GriffieHostList } from '../common/GriffieHosts';

export function OptionsGriffie({ griffie }: { griffie: GriffieState | null }) {
  if (!griffie) return null;
  const { policy, problems } = griffie;
  if (!hasPolicy(policy) && problems.length === 0) return null;
  const letter = policy.letter;
  return (
    <section class="options-section" aria-labelledby="opt-griffie" data-testid="options-griffie">
      <h2 id="opt-griffie">{t('griffieHeading')}</h2>
      {problems.length > 0 && (
        <div class="notice" role="alert" data-testid="policy-invalid">
          <p>{t('policyInvalid')}</p>
          <ul class="small">
            {problems.map((p, i) => (
              <li key={i}>{p.detail}</li>
            ))}
          </ul>
        </div>
      )}
      {hasPolicy(policy) && <p class="muted small">{griffie.managed ? t('griffieIntroManaged') : t('griffieIntroFile')}</p>}
      {policy.fetchPdfs === false && (
        // Space below: the next part's heading otherwise touches the notice's border.
        <p class="notice" data-testid="griffie-no-pdfs" style={{ marginBottom: '0.9rem' }}>
          {t('pdfErrorBlockedByGriffie')}
        </p>
      )}
      <GriffieHostList hosts={policy.portalHosts ?? []} />
      {policy.termPacks && policy.termPacks.length > 0 && (
        <div data-testid="griffie-terms">
          <h3>{t('griffieTermsHeading')}</h3>
          <p class="muted small">{t('griffieTermsIntro')}</p>
          <ul class="option-list">
            {policy.termPacks.flatMap((pack) =>
              pack.terms.map((term) => (
                <li key={`${pack.id}:${term.id}`} class={`cat-${pack.id}`} data-testid="griffie-term" data-category={pack.id}>
                  <span class="swatch" aria-hidden="true" />
                  <span>{term.text}</span> <span class="small muted">{pack.label}</span> <span class="badge small">{t('griffieTermBadge')}</span>
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      {letter && <h3 style={{ marginTop: '0.9rem' }}>{t('griffieLetterHeading')}</h3>}
      {letter && (
        <dl class="meta small" data-testid="griffie-letter">
          {letter.gemeente && (
            <>
              <dt>{t('griffieLetterGemeente')}</dt>
              <dd>{letter.gemeente}</dd>
            </>
          )}
          {letter.reglementArtikel && (
            <>
              <dt>{t('griffieLetterArtikel')}</dt>
              <dd>{letter.reglementArtikel}</dd>
            </>
          )}
          {letter.fracties && letter.fracties.length > 0 && (
            <>
              <dt>{t('griffieLetterFracties')}</dt>
              <dd>{letter.fracties.join(', ')}</dd>
            </>
          )}
          {letter.griffieAddress && (
            <>
              <dt>{t('griffieLetterAddress')}</dt>
              <dd style={{ whiteSpace: 'pre-line' }}>{letter.griffieAddress}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
