import { figures } from '../figures/registry';
import { FigureHost } from '../figures/host/FigureHost';
import type { FigureMeta, PropSpec } from '../lib/figure/spec';
import { useEffect } from 'react';
import { ThemeToggle } from './ThemeToggle';
import { watchScrollables } from './scrollables';

/*
 * `?catalogue`: every registered figure, for authors: its id, summary, the props it takes (read from its
 * declaration, the same one that validates the markdown) with an example embed, and a live instance.
 */
export function Catalogue() {
  const list = Object.values(figures).sort((a, b) => a.id.localeCompare(b.id));
  useEffect(() => watchScrollables(document.getElementById('content')!), []);
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to the figures
      </a>
      <header className="site-header">
        <a className="site-title" href="./">
          Memory in Plain Sight
        </a>
        <div className="site-tools">
          <ThemeToggle />
        </div>
      </header>
      <main id="content" className="essay catalogue" tabIndex={-1}>
        <h1>Figure catalogue</h1>
        <p className="subtitle">
          Every figure the essay can embed, with the attributes it takes. Embed one in a chapter with <code>::figure[Caption]{'{'}id="…" prop=value{'}'}</code>. {list.length} figures.
        </p>
        <nav aria-label="Figures">
          <ul className="catalogue-index">
            {list.map((m) => (
              <li key={m.id}>
                <a href={`#cat-${m.id}`}>{m.id}</a>
              </li>
            ))}
          </ul>
        </nav>
        {list.map((m) => (
          <CatalogueEntry key={m.id} meta={m} />
        ))}
      </main>
    </>
  );
}

function range(p: PropSpec): string {
  if (p.type === 'number') return `${p.min} … ${p.max}${p.integer ? ', whole' : ''}${p.log ? ', log scale' : ''}`;
  if (p.type === 'boolean') return 'true | false';
  return p.options.join(' | ');
}

function example(m: FigureMeta): string {
  const attrs = Object.entries(m.props)
    .slice(0, 2)
    .map(([k, p]) => `${k}=${p.type === 'enum' ? `"${p.default}"` : String(p.default)}`);
  return `::figure[${m.title}]{id="${m.id}"${attrs.length ? ' ' + attrs.join(' ') : ''}}`;
}

function CatalogueEntry({ meta }: { meta: FigureMeta }) {
  const props = Object.entries(meta.props);
  return (
    <section className="catalogue-entry" id={`cat-${meta.id}`} aria-labelledby={`cat-${meta.id}-title`}>
      <h2 id={`cat-${meta.id}-title`}>
        {meta.title} <code className="catalogue-id">{meta.id}</code>
      </h2>
      <p>{meta.summary}</p>
      <p className="catalogue-flags">
        {meta.animated ? 'Animated' : 'Not animated'}
        {meta.seeded ? ', seeded' : ''}. Host attributes: <code>seed</code>, <code>steps</code>, <code>speed</code>.
      </p>
      {meta.notes && <p className="catalogue-notes">{meta.notes}</p>}
      <div className="table-scroll">
        <table className="props-table">
          <caption className="sr-only">Props of {meta.id}</caption>
          <thead>
            <tr>
              <th scope="col">Prop</th>
              <th scope="col">Label</th>
              <th scope="col">Type</th>
              <th scope="col">Range</th>
              <th scope="col">Default</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {props.length === 0 && (
              <tr>
                <td colSpan={6}>No props.</td>
              </tr>
            )}
            {props.map(([k, p]) => (
              <tr key={k}>
                <th scope="row">
                  <code>{k}</code>
                </th>
                <td>{p.label}</td>
                <td>{p.type}</td>
                <td>{range(p)}</td>
                <td>
                  <code>{String(p.default)}</code>
                </td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <pre className="catalogue-example">
        <code>{example(meta)}</code>
      </pre>
      <FigureHost id={meta.id} anchor={`fig-${meta.id}`} />
    </section>
  );
}
