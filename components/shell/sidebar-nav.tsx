'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { label: 'Overview', path: '' },
  { label: 'Topics', path: '/topics' },
  { label: 'Consumer groups', path: '/groups' },
  { label: 'Schemas', path: '/schemas' },
  { label: 'Connect', path: '/connect' },
] as const;

export function SidebarNav({ cluster }: { cluster: string }) {
  const pathname = usePathname();
  const base = `/clusters/${cluster}`;
  const items = [...SECTIONS.map((s) => ({ label: s.label, href: `${base}${s.path}` })), { label: 'Designs', href: '/designs' }];
  const active = (href: string) => (href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={active(item.href) ? 'page' : undefined}
          className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-sky-50 aria-[current=page]:font-medium aria-[current=page]:text-sky-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-300"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
