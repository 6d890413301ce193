// ink 6.8 has no window-size hook: read the columns/rows of ink's stdout and follow 'resize'.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

// Streams that are not terminals report no size; assume the minimum we support.
const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () =>
      setSize((old) => {
        const next = read(stdout);
        return old.columns === next.columns && old.rows === next.rows ? old : next;
      });
    stdout.on('resize', onResize);
    onResize(); // the size may have changed between the first render and this effect
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
