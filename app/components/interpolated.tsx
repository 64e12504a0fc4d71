import type { ReactNode } from "react";

// A character no translation contains, standing for the value while the sentence is translated.
const MARK = "\u2063";

/**
 * A translated sentence with an element in place of one of its {{values}} — an email address in <bdi dir="ltr">,
 * so it reads the right way round inside right-to-left text — wherever the language puts it.
 */
export function Interpolated({ sentence, value }: { sentence: (mark: string) => string; value: ReactNode }) {
  const [before, after = ""] = sentence(MARK).split(MARK);
  return (
    <>
      {before}
      {value}
      {after}
    </>
  );
}
