import { createContext, useContext, type ReactNode } from 'react';
import { translator, type Language, type Translator } from './words';

export * from './words';

const LanguageContext = createContext<Translator>(translator('id'));

export function LanguageProvider(props: { language: Language; children: ReactNode }) {
  return (
    <LanguageContext.Provider value={translator(props.language)}>
      {props.children}
    </LanguageContext.Provider>
  );
}

export function useT(): Translator {
  return useContext(LanguageContext);
}
