import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { mayOpen, type Place, type Target } from '../access';
import { useSession } from '../session';

/**
 * A link to a screen, offered only to a role that may open it (access.ts): to any other role
 * its text stays, as text, so nobody follows a link into a refusal.
 */
export function PlaceLink(
  props: AnchorProps & {
    place: Place;
    target?: Target;
    href: string;
    children: ReactNode;
    'aria-label'?: string;
  },
) {
  const { claims } = useSession();
  const { place, target, children, ...anchor } = props;
  if (!mayOpen(claims, place, target)) return <span data-link-withheld={place}>{children}</span>;
  return <Anchor {...anchor}>{children}</Anchor>;
}

/** Whether the signed-in role may open a screen (for buttons and navigation). */
export function useMayOpen(): (place: Place, target?: Target) => boolean {
  const { claims } = useSession();
  return (place, target) => mayOpen(claims, place, target);
}
