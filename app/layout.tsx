import type { Metadata } from 'next';
import './globals.css';
import { Providers } from '@/components/shell/providers';

export const metadata: Metadata = {
  title: { default: 'Kafka Event Architect', template: '%s · Kafka Event Architect' },
  description: 'Console and visual event designer for Apache Kafka',
};

// Applies the saved or system theme before first paint, so dark mode never flashes white.
const themeScript = `try{var t=localStorage.getItem('kea-theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
