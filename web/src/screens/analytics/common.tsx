/** Roles that see employees' names (ANALYST reads counts only). */
export const seesNames = (role: string) => role !== 'ANALYST';

/** A chart with its numbers in words for those who cannot see it. */
export function Figure(props: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <figure style={{ margin: 0 }} role="img" aria-label={props.label} data-testid={props.testId}>
      {/* Inert: the chart's own parts are neither read out nor reached by the keyboard. */}
      <div aria-hidden="true" {...{ inert: '' }}>
        {props.children}
      </div>
    </figure>
  );
}
