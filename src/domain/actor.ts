/** Who performs an operation: the authenticated JWT subject (`sub`) and whether it has `role: "admin"`. */
export interface Actor {
  readonly userId: string;
  readonly isAdmin: boolean;
}
