import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import {
  MantineProvider,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/**
 * Darker shades than Mantine's defaults, so text on every badge, light button and dimmed line
 * keeps a contrast of at least 4.5:1 (checked by axe in the end-to-end test).
 */
const PALE = ['yellow', 'orange', 'lime', 'green', 'teal', 'cyan', 'red', 'gray', 'grape'];
/** Fills too light for white text even at shade 9. */
const DARK_TEXT = ['yellow', 'orange', 'lime'];
const readable: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  const hue = parseThemeColor({
    color: input.color ?? input.theme.primaryColor,
    theme: input.theme,
  });
  if (!PALE.includes(hue.color)) return colours;
  // Hues whose shade 9 is too pale on their own tint (over a striped row): dark text on the
  // tint; black text on the fill of the palest.
  if (input.variant === 'light') return { ...colours, color: 'var(--mantine-color-dark-9)' };
  if ((input.variant === 'filled' || input.variant === undefined) && DARK_TEXT.includes(hue.color))
    return { ...colours, color: 'var(--mantine-color-black)' };
  if (input.variant === 'outline')
    return {
      ...colours,
      color: 'var(--mantine-color-dark-9)',
      border: `1px solid ${colours.border}`,
    };
  return colours;
};
const theme = createTheme({ primaryShade: 9, autoContrast: true, variantColorResolver: readable });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
