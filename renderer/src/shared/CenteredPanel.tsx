import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A single card in the middle of the screen (sign-in, lock, setup). */
export function CenteredPanel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <main className="centered-panel" data-testid={testId}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
