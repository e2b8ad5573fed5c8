/** Tags ignore case and accents: one already there in another spelling is not added again. */
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { addTags, TagInput, withPendingTag } from "./TagInput";

function Harness({ initial }: { initial: string[] }) {
  const [tags, setTags] = useState(initial);
  const [pending, setPending] = useState("");
  return (
    <>
      <label htmlFor="tags">Tags</label>
      <TagInput
        id="tags"
        tags={tags}
        onChange={setTags}
        pending={pending}
        onPendingChange={setPending}
        invalid={false}
      />
    </>
  );
}

const chips = () =>
  Array.from(document.querySelectorAll(".chip > span")).map((chip) => chip.textContent);

describe("tags in the form", () => {
  it("does not add “Work” next to “work”, and says so", () => {
    render(<Harness initial={["work"]} />);
    const field = screen.getByLabelText("Tags");
    fireEvent.change(field, { target: { value: "Work" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(chips()).toEqual(["work"]);
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
      "Already tagged Work.",
    );
    fireEvent.change(field, { target: { value: "Café, CAFE, home," } });
    expect(chips()).toEqual(["work", "Café", "home"]);
  });

  it("folds the same way when the form is sent with text still in the field", () => {
    expect(withPendingTag(["École"], "ecole")).toEqual(["École"]);
    expect(addTags(["a"], ["A", "b", "B"])).toEqual({ tags: ["a", "b"], repeated: ["A", "B"] });
  });
});
