// The jq 1.6 language (its src/parser.y), for syntax checks only.
//
// Bison resolves jq's grammar with a precedence table, here the order of the
// alternatives of `pipe`, loosest last:
//   '|' (right)  ','  '//' (right)  '=' '|=' '+=' ... (non-associative)
//   'or'  'and'  '==' '!=' '<' ... (non-associative)  '+' '-'  '*' '/' '%'
//   postfix '?'  then 'try' and 'catch', which bind tightest of all: their
//   bodies are single operands (`try 1 + 2` is `(try 1) + 2`).
// Forms that end in an expression (`def`, `Term as $x | ...`, `label`) take
// everything to their right, as in jq, and may stand wherever an operand
// may (`1 + . as $x | $x` is valid jq). ANTLR has no non-associative
// operators: `a == b == c` parses here, and the checker (JqScopes.cpp)
// rejects a comparison or assignment whose left side is another, as jq does.
parser grammar JqParser;

options { tokenVocab = JqLexer; }

// jq's `FuncDefs` or `Exp` after the imports; an Exp may itself start with
// definitions, so this is the same language with an LL(1) choice.
program
    : moduleDecl? importDirective* funcDef* pipe? EOF
    ;

moduleDecl
    : MODULE pipe SEMI
    ;

importDirective
    : IMPORT string AS DOLLAR? IDENT pipe? SEMI
    | INCLUDE string pipe? SEMI
    ;

funcDef
    : DEF IDENT (LPAREN param (SEMI param)* RPAREN)? COLON pipe SEMI
    ;

param
    : DOLLAR IDENT
    | IDENT
    ;

// The whole expression, one left-recursive rule whose alternatives go from
// the tightest binding to the loosest (ANTLR's precedence climbing): one
// rule invocation per operand instead of one per precedence level.
pipe
    : pipe QUESTION                                  # optionalExp
    | pipe (STAR | SLASH | PERCENT) pipe             # product
    | pipe (PLUS | MINUS) pipe                       # sum
    | pipe comparisonOp pipe                         # comparison
    | pipe AND pipe                                  # conjunction
    | pipe OR pipe                                   # disjunction
    | pipe updateOp pipe                             # update
    | <assoc=right> pipe DEFINEDOR pipe              # alternative
    | pipe COMMA pipe                                # comma
    | <assoc=right> pipe PIPE pipe                   # pipeline
    | operand                                        # single
    ;

updateOp
    : ASSIGN | SETPIPE | SETPLUS | SETMINUS | SETMULT | SETDIV | SETMOD | SETDEFINEDOR
    ;

comparisonOp
    : EQ | NEQ | LESS | GREATER | LESSEQ | GREATEREQ
    ;

// What an operator may apply to. `Term as $x | body` is written as a term
// with an optional binding so that choosing costs one token of lookahead,
// not a scan over the whole term (which made nested terms quadratic).
// Negation binds tighter here than in jq (where `-1 * 2` is `-(1 * 2)`);
// that accepts the same scripts, since what jq lets '-' take in ('*', '/',
// '%', '?') never contains a non-associative operator.
operand
    : funcDef pipe                                          # definition
    | term (AS patterns PIPE pipe)?                         # plain
    | LABEL DOLLAR IDENT PIPE pipe                          # labelled
    | MINUS operand                                         # negation
    | REDUCE term AS patterns LPAREN pipe SEMI pipe RPAREN  # reduction
    | FOREACH term AS patterns LPAREN pipe SEMI pipe (SEMI pipe)? RPAREN # iteration
    | IF pipe THEN pipe (ELIF pipe THEN pipe)* ELSE pipe END # conditional
    | TRY operand (CATCH operand)?                          # attempt
    ;

patterns
    : pattern (ALTERNATION pattern)*
    ;

pattern
    : DOLLAR IDENT
    | LBRACKET pattern (COMMA pattern)* RBRACKET
    | LBRACE objectPattern (COMMA objectPattern)* RBRACE
    ;

objectPattern
    : DOLLAR IDENT (COLON pattern)?
    | (IDENT | keyword) COLON pattern
    | string COLON pattern
    | LPAREN pipe RPAREN COLON pattern
    ;

term
    : primary suffix*
    ;

primary
    : DOT string QUESTION?           # dotString
    | DOT                            # identity
    | REC                            # recurse
    | BREAK DOLLAR IDENT             # breakOut
    | FIELD QUESTION?                # field
    | LITERAL                        # number
    | string                         # stringTerm
    | FORMAT                         # format
    | LPAREN pipe RPAREN             # parenthesized
    | LBRACKET pipe? RBRACKET        # array
    | LBRACE (objectEntry (COMMA objectEntry)* COMMA?)? RBRACE # object
    | DOLLAR LOC                     # location
    | DOLLAR IDENT                   # variable
    | IDENT (LPAREN pipe (SEMI pipe)* RPAREN)? # call
    ;

// Index, iteration and slices share their '[' so that the choice among
// them needs no lookahead past the index expression.
suffix
    : FIELD QUESTION?
    | DOT string QUESTION?
    | LBRACKET (pipe (COLON pipe?)? | COLON pipe)? RBRACKET QUESTION?
    ;

objectEntry
    : (IDENT | keyword) COLON objectValue
    | string (COLON objectValue)?
    | DOLLAR IDENT
    | IDENT
    | LPAREN pipe RPAREN COLON objectValue
    ;

// jq's ExpD: only terms, negations and pipes of them.
objectValue
    : (MINUS objectValue | term) (PIPE objectValue)?
    ;

keyword
    : AS | DEF | MODULE | IMPORT | INCLUDE | IF | THEN | ELIF | ELSE | END
    | AND | OR | REDUCE | FOREACH | TRY | CATCH | LABEL | BREAK | LOC
    ;

string
    : FORMAT? QQSTRING_START stringPart* QQSTRING_END
    ;

stringPart
    : QQSTRING_TEXT
    | QQSTRING_ESCAPES
    | QQSTRING_INTERP_START pipe RPAREN
    ;
