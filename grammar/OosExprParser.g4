// The expression language of OOS templates.
//
// Two entry points:
//  - `reference` parses one `{{ ... }}` segment of a string (the frontend finds the
//    segments; text between them is plain data and never reaches this grammar);
//  - `evalProgram` parses the argument of `Fn::Eval`, a single-line arithmetic
//    expression whose operands may be `{{ ... }}` references.

parser grammar OosExprParser;

options { tokenVocab = OosExprLexer; }

reference   : OPEN refBody CLOSE EOF ;
refBody     : NAME COLONCOLON NAME                           # pseudoRef
            | NAME COLON storePath                           # storeRef
            | NAME pathStep*                                 # nameRef
            ;
// `.name`, `[index]`, `[]` and `?`: template Outputs may read a task's raw
// API result with such a path (`{{ task.Regions.Region[]?.RegionId }}`).
pathStep    : DOT NAME | LBRACK NAME? RBRACK | QMARK ;
storePath   : NAME (SLASH NAME)* ;

evalProgram : evalExpr EOF ;
evalExpr    : op=(MINUS | PLUS) evalExpr                     # unaryExpr
            | <assoc=right> evalExpr POW evalExpr            # powExpr
            | evalExpr op=(STAR | DIV | MOD) evalExpr        # mulExpr
            | evalExpr op=(PLUS | MINUS) evalExpr            # addExpr
            | evalExpr op=(LT | LE | GT | GE | EQ | NE) evalExpr  # compareExpr
            | LPAREN evalExpr RPAREN                         # parenExpr
            | NUMBER                                         # numberExpr
            | OPEN refBody CLOSE                             # refExpr
            ;
