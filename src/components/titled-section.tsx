import type { ReactNode } from 'react';

/**
 * A section named by its heading: the `h2` carries `id` and the section is labelled by it, so a
 * screen reader lists it by that title. `headingClass` sets the heading's size (or hides it).
 */
export function TitledSection({
  id,
  title,
  className = 'space-y-2',
  headingClass = 'text-lg font-semibold',
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  headingClass?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClass}>
        {title}
      </h2>
      {children}
    </section>
  );
}
