// Tokens of the OOS expression language (see OosExprParser.g4).
// The lexer starts in the Eval mode; `{{` switches to REF mode, where names may
// contain '-' and start with a digit, as OOS parameter and task names do.
lexer grammar OosExprLexer;

// Eval mode (default).
OPEN    : '{{' -> pushMode(REF) ;
NUMBER  : [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;
POW     : '**' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
DIV     : '/' ;
MOD     : '%' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
EQ      : '==' ;
NE      : '!=' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
WS      : [ \t\r\n]+ -> skip ;
UNKNOWN : . ;

mode REF;
CLOSE      : '}}' -> popMode ;
COLONCOLON : '::' ;
COLON      : ':' ;
DOT        : '.' ;
SLASH      : '/' ;
LBRACK     : '[' ;
RBRACK     : ']' ;
QMARK      : '?' ;
NAME       : [A-Za-z0-9_\-]+ ;
REF_WS     : [ \t\r\n]+ -> skip ;
REF_UNKNOWN: . ;
