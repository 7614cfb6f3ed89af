// The jq 1.6 language (its src/parser.y), for syntax checks only.
//
// Bison resolves jq's grammar with a precedence table; here the same
// precedence is spelled as one rule per level, lowest first:
//   '|' (right)  ','  '//' (right)  '=' '|=' '+=' ... (non-associative)
//   'or'  'and'  '==' '!=' '<' ... (non-associative)  '+' '-'  '*' '/' '%'
//   postfix '?'  then 'try' and 'catch', which bind tightest of all: their
//   bodies are single operands (`try 1 + 2` is `(try 1) + 2`).
// Forms that end in an expression (`def`, `Term as $x | ...`, `label`) take
// everything to their right, as in jq, and may stand wherever an operand
// may (`1 + . as $x | $x` is valid jq). Non-associative levels take at most
// one operator, so `a == b == c` is a syntax error as in jq.
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

pipe
    : comma (PIPE pipe)?
    ;

comma
    : alternative (COMMA alternative)*
    ;

alternative
    : update (DEFINEDOR alternative)?
    ;

update
    : orExp (updateOp orExp)?
    ;

updateOp
    : ASSIGN | SETPIPE | SETPLUS | SETMINUS | SETMULT | SETDIV | SETMOD | SETDEFINEDOR
    ;

orExp
    : andExp (OR andExp)*
    ;

andExp
    : comparison (AND comparison)*
    ;

comparison
    : additive (comparisonOp additive)?
    ;

comparisonOp
    : EQ | NEQ | LESS | GREATER | LESSEQ | GREATEREQ
    ;

additive
    : multiplicative ((PLUS | MINUS) multiplicative)*
    ;

multiplicative
    : optional ((STAR | SLASH | PERCENT) optional)*
    ;

optional
    : operand QUESTION*
    ;

// What an operator may apply to. `Term as $x | body` is written as a term
// with an optional binding so that choosing costs one token of lookahead,
// not a scan over the whole term (which made nested terms quadratic).
operand
    : funcDef pipe                                          # definition
    | term (AS patterns PIPE pipe)?                         # plain
    | LABEL DOLLAR IDENT PIPE pipe                          # labelled
    | MINUS multiplicative                                  # negation
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
