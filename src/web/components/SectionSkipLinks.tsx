import { useEffect, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';

interface Section {
  title: string;
  toggle: HTMLElement;
}

/** Sections of a page: the collapsible ones (their title is a toggle button inside an h2). */
function findSections(root: HTMLElement): Section[] {
  return [...root.querySelectorAll<HTMLElement>('section > div > h2 > button.collapse-toggle')].map((toggle) => ({
    title: visibleText(toggle),
    toggle,
  }));
}

/** Text a screen reader would read: without decorations marked aria-hidden (the toggle's arrow). */
function visibleText(el: HTMLElement): string {
  let text = '';
  for (const child of el.childNodes) {
    if (child instanceof HTMLElement) {
      if (child.getAttribute('aria-hidden') !== 'true') text += visibleText(child);
    } else text += child.textContent ?? '';
  }
  return text.trim();
}

/**
 * "Skip to …" buttons for each section of the page below, shown when focused (like the top bar's skip link):
 * from the tab bar, the keyboard reaches the task table in a few presses instead of tabbing through every
 * link of the tables above it. Activating one moves focus to that section's title, so Tab continues there.
 */
export function SectionSkipLinks({ contentRef }: { contentRef: RefObject<HTMLElement | null> }) {
  const { pathname } = useLocation();
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => {
    const root = contentRef.current;
    if (root === null) return;
    const update = () => {
      const next = findSections(root);
      setSections((old) => (old.length === next.length && old.every((s, i) => s.toggle === next[i]!.toggle && s.title === next[i]!.title) ? old : next));
    };
    update();
    // Pages load their data after the first render; follow the sections as they appear.
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [contentRef, pathname]);
  if (sections.length < 2) return null;
  return (
    <nav aria-label="Sections of this page" className="section-skip-links" data-testid="section-skip-links">
      {sections.map((s, i) => (
        <button
          key={i}
          type="button"
          className="btn"
          onClick={() => {
            s.toggle.scrollIntoView({ block: 'start' });
            s.toggle.focus();
          }}
        >
          Skip to {s.title}
        </button>
      ))}
    </nav>
  );
}
