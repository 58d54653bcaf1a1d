/** The syntax tree of the supported KQL subset. */

export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; root: string; steps: (string | number)[] }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'in'; op: 'in' | 'in~' | '!in' | '!in~'; expr: Expr; list: Expr[] };

export interface NamedExpr {
  name: string;
  expr: Expr;
}

export type Operator =
  | { kind: 'where'; expr: Expr }
  | { kind: 'project'; columns: NamedExpr[] }
  | { kind: 'extend'; columns: NamedExpr[] }
  | { kind: 'order'; keys: { expr: Expr; desc: boolean }[] }
  | { kind: 'summarize'; aggregates: NamedExpr[]; by: NamedExpr[] }
  | { kind: 'limit'; count: number }
  | { kind: 'count' };

export interface Query {
  table: string;
  operators: Operator[];
}
