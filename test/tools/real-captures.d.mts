export interface RealCapture {
  file: string;
  absPath: string;
  url: string;
  host: string;
  pathAndQuery: string;
  portal: string;
  kind: string;
  type: string;
}
export const REAL_DIR: string;
export function realCaptures(): RealCapture[];
export function realFiles(sub: string, ext: string): string[];
