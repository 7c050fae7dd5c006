/** The date the test demo province is generated as of: fixed, so every run sees the same data. */
export const DEMO_TODAY = '2026-11-01';
export const EMPTY_TEMPLATE = 'cg_template_empty';
export const DEMO_TEMPLATE = 'cg_template_demo';
