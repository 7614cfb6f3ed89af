// Tokens of jq 1.6 (its src/lexer.l), for checking ValueSelector,
// PropertySelector and Fn::Jq scripts without compiling them with libjq.
//
// Strings are lexed in their own mode so that `\(...)` interpolations can
// nest: an interpolation and every '(' push the default mode, ')' pops it.
// The checker feeds bytes, not UTF-8 (each byte one character), so token
// offsets are byte offsets; like jq, the lexer accepts bytes >= 0x80 only
// inside strings, where any character but '"' and '\' is text.
lexer grammar JqLexer;

// Keywords (a word is a keyword only when it is not part of a longer name).
AS       : 'as' ;
DEF      : 'def' ;
MODULE   : 'module' ;
IMPORT   : 'import' ;
INCLUDE  : 'include' ;
IF       : 'if' ;
THEN     : 'then' ;
ELIF     : 'elif' ;
ELSE     : 'else' ;
END      : 'end' ;
AND      : 'and' ;
OR       : 'or' ;
REDUCE   : 'reduce' ;
FOREACH  : 'foreach' ;
TRY      : 'try' ;
CATCH    : 'catch' ;
LABEL    : 'label' ;
BREAK    : 'break' ;
LOC      : '__loc__' ;

// Operators, longest first where one is a prefix of another.
ALTERNATION  : '?//' ;
SETDEFINEDOR : '//=' ;
DEFINEDOR    : '//' ;
NEQ          : '!=' ;
EQ           : '==' ;
SETPIPE      : '|=' ;
SETPLUS      : '+=' ;
SETMINUS     : '-=' ;
SETMULT      : '*=' ;
SETDIV       : '/=' ;
SETMOD       : '%=' ;
LESSEQ       : '<=' ;
GREATEREQ    : '>=' ;
REC          : '..' ;

DOT       : '.' ;
QUESTION  : '?' ;
ASSIGN    : '=' ;
SEMI      : ';' ;
COMMA     : ',' ;
COLON     : ':' ;
PIPE      : '|' ;
PLUS      : '+' ;
MINUS     : '-' ;
STAR      : '*' ;
SLASH     : '/' ;
PERCENT   : '%' ;
DOLLAR    : '$' ;
LESS      : '<' ;
GREATER   : '>' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
LPAREN    : '(' -> pushMode(DEFAULT_MODE) ;
// An unbalanced ')' at the top has no mode to return to; the parser reports it.
RPAREN    : ')' { if (!modeStack.empty()) popMode(); } ;

FIELD   : '.' [a-zA-Z_] [a-zA-Z_0-9]* ;
IDENT   : ([a-zA-Z_] [a-zA-Z_0-9]* '::')* [a-zA-Z_] [a-zA-Z_0-9]* ;
FORMAT  : '@' [a-zA-Z0-9_]+ ;
LITERAL : ([0-9]+ ('.' [0-9]*)? | '.' [0-9]+) ([eE] [+-]? [0-9]+)? ;

QQSTRING_START : '"' -> pushMode(IN_STRING) ;

COMMENT : '#' ~[\n]* -> skip ;
// Not \r: jq 1.6 rejects it outside strings.
WS      : [ \n\t]+ -> skip ;
// Anything else, like jq's INVALID_CHARACTER: no rule accepts it.
INVALID_CHARACTER : . ;

mode IN_STRING;
QQSTRING_INTERP_START : '\\(' -> pushMode(DEFAULT_MODE) ;
QQSTRING_END          : '"' -> popMode ;
// A run of escapes; the checker validates them as jq does (jv_parse).
QQSTRING_ESCAPES      : ('\\' ~[u(] | '\\u' [a-zA-Z0-9]? [a-zA-Z0-9]? [a-zA-Z0-9]? [a-zA-Z0-9]?)+ ;
QQSTRING_TEXT         : ~["\\]+ ;
// A lone backslash at the end of the script.
QQSTRING_INVALID      : . ;
