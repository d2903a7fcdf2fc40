<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>Login</title>
<link rel="stylesheet" type="text/css" href="../css/ui.css" />
<script type="text/javascript" src="../script/lib/require/require.js" data-main="../script/login/main"></script>
</head>
<body>
<div id="login" class="login">
  <div class="logo"></div>
  <input id="username" type="text" maxlength="32" />
  <input id="password" type="password" maxlength="16" />
  <button id="loginBtn" class="btn">Login</button>
</div>
<div class="footer">&copy;Hikvision Digital Technology Co., Ltd. All Rights Reserved.</div>
</body>
</html>
