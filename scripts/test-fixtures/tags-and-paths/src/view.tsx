export function View() {
  return (
    <div>
      {/* The card's layout lives in views/missing-card.tsx. */}
      text with views/not-a-comment.tsx
    </div>
  );
}
