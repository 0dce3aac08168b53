import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue sentence with React parts put in at its `{name}` marks (links, exact figures), so
 * each language keeps its own word order around them. A mark with no part stays as written.
 */
export function richText(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return <Fragment key={i}>{name !== undefined && name in parts ? parts[name] : piece}</Fragment>;
  });
}
