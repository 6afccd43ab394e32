import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { formatCount } from '@/components/topics/format';

/**
 * The pieces the server-rendered list pages (topics, consumer groups) share: a column header that
 * sorts through the URL, and a pager. Both take the page's own href builder, so the rest of the
 * list state (search, filter) rides along.
 */
export interface SortColumn<K extends string> {
  key: K | null;
  label: string;
  numeric: boolean;
  title?: string;
  /** The direction of the first click: numbers are most interesting largest-first, names A→Z. */
  firstDir?: 'asc' | 'desc';
}

interface SortHeaderProps<K extends string> {
  column: SortColumn<K>;
  sort: K;
  dir: 'asc' | 'desc';
  hrefFor: (sort: K, dir: 'asc' | 'desc') => string;
}

export function SortableHeader<K extends string>({ column, sort, dir, hrefFor }: SortHeaderProps<K>) {
  if (!column.key) return <th title={column.title}>{column.label}</th>;
  const active = sort === column.key;
  const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : (column.firstDir ?? 'desc');
  const arrow = active ? (dir === 'asc' ? '↑' : '↓') : '';
  return (
    <th className={column.numeric ? 'num' : undefined} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined} title={column.title}>
      <Link
        href={hrefFor(column.key, nextDir)}
        className={`inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-slate-100 ${active ? 'text-slate-900 dark:text-slate-100' : ''}`}
        scroll={false}
      >
        {column.label}
        <span aria-hidden className="w-2">
          {arrow}
        </span>
      </Link>
    </th>
  );
}

interface PagerProps {
  page: { page: number; pageCount: number; total: number };
  first: number;
  last: number;
  hrefFor: (page: number) => string;
}

export function Pager({ page, first, last, hrefFor }: PagerProps) {
  if (page.pageCount <= 1) return null;
  const pageLink = (n: number, label: string, rel: string) =>
    n < 1 || n > page.pageCount ? (
      <span className={`${buttonClass()} pointer-events-none opacity-40`} aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link className={buttonClass()} href={hrefFor(n)} rel={rel} scroll={false}>
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
      <span>
        {formatCount(first)}–{formatCount(last)} of {formatCount(page.total)} · page {page.page} of {page.pageCount}
      </span>
      <span className="flex gap-2">
        {pageLink(page.page - 1, '← Previous', 'prev')}
        {pageLink(page.page + 1, 'Next →', 'next')}
      </span>
    </nav>
  );
}
